package dev.losslens.system.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A CSV export as RFC 4180 has it (CRLF line ends; a cell quoted only when it holds a comma, a quote or a line break,
 * its quotes doubled), with every cell safe to open in a spreadsheet: text that a spreadsheet would run as a formula
 * gets a leading apostrophe. A number is never a formula, so a negative one stays a number.
 */
public final class CsvTable {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final StringBuilder text = new StringBuilder();

    public CsvTable(List<String> header) {
        row(header);
    }

    /** @param cells written as {@link String#valueOf}, a null as an empty cell */
    public CsvTable row(List<?> cells) {
        text.append(cells.stream().map(CsvTable::cell).collect(Collectors.joining(","))).append("\r\n");
        return this;
    }

    public CsvTable row(Object... cells) {
        return row(Arrays.asList(cells));
    }

    public String text() {
        return text.toString();
    }

    /** The table as a download named {@code filename}. */
    public ResponseEntity<String> attachment(String filename) {
        return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString()).body(text());
    }

    static String cell(Object value) {
        String cell = value == null ? "" : String.valueOf(value);
        if (!cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0 && !NUMBER.matcher(cell).matches()) {
            cell = "'" + cell;
        }
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\r") || cell.contains("\n")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
