package dev.losslens.lecture;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The six digits a presenter's phone types to become a remote: shown once in the presenter view, working once and for
 * a few minutes, with {@link PresenterKeys#MAX_ATTEMPTS} wrong guesses per session before open codes stop working.
 */
final class PairingCode {

    static final int DIGITS = 6;
    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final Pattern FORM = Pattern.compile("\\d{" + DIGITS + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PairingCode() {
    }

    static String generate() {
        return String.format("%0" + DIGITS + "d", RANDOM.nextInt((int) Math.pow(10, DIGITS)));
    }

    /** What was typed, as a code: spaces forgiven; null when it is not six digits. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String code = typed.replaceAll("[\\s-]", "");
        return FORM.matcher(code).matches() ? code : null;
    }
}
