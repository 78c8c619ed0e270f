package dev.losslens.account;

import java.util.Locale;
import java.util.regex.Pattern;

/** An account's name: 2 to 40 letters, digits, dots, dashes or underscores, compared in lower case. */
final class Usernames {

    static final int MAX_CHARS = 40;
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._-]{2," + MAX_CHARS + "}");

    private Usernames() {
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    static boolean valid(String normalised) {
        return ALLOWED.matcher(normalised).matches();
    }
}
