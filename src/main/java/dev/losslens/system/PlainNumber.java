package dev.losslens.system;

import java.util.Locale;

/** A number as a person reads it on a page: rounded to a few places, without trailing zeros (0.01, 25, 33.333). */
public final class PlainNumber {

    private PlainNumber() {
    }

    public static String of(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
