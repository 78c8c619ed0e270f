package dev.losslens.system;

/** One cell of a CSV export: quoted, quotes doubled, and a leading formula character defused for spreadsheets. */
public final class CsvCell {

    private CsvCell() {
    }

    public static String of(String text) {
        String safe = text.matches("^[=+\\-@].*") ? "'" + text : text;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
