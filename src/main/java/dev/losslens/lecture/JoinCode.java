package dev.losslens.lecture;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The short code a class types to join: upper-case letters and digits with no look-alikes (no 0/O, 1/I/L, 2/Z, 5/S,
 * 8/B), so it reads aloud and types on a phone without mistakes.
 */
final class JoinCode {

    static final String ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
    static final int LENGTH = 5;
    /**
     * Any letters and digits of the right length: a mistyped code, even with a character codes never use (O, 0, I, 1),
     * is well formed but names no session, and the student is told that rather than that it is malformed.
     */
    private static final Pattern FORM = Pattern.compile("[A-Z0-9]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private JoinCode() {
    }

    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** What a student typed, as a code: spaces and case forgiven; null when it is not five letters and digits. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return FORM.matcher(code).matches() ? code : null;
    }
}
