package dev.losslens.notation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** A number as a person writes it: 0.0003, not 3.0E-4; no trailing zeros; the same in every language. */
public final class PlainNumber {

    private PlainNumber() {
    }

    /** Exactly: 0.00001, 2000, 0.1; blank for no number. */
    public static String of(Number value) {
        return value == null ? "" : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    /** Rounded to at most {@code decimals} places: 0.01, 25, 33.333. */
    public static String of(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }

    /** Rounded to {@code digits} significant digits: 0.1, 0.0003, or 1E-12 when that many zeros would lead. */
    public static String significant(double value, int digits) {
        BigDecimal rounded = new BigDecimal(value, new MathContext(digits)).stripTrailingZeros();
        return rounded.scale() > 6 ? rounded.toString() : rounded.toPlainString();
    }
}
