package dev.losslens.comparison;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who started a comparison, until there are accounts: a random secret the client keeps (a cookie, or a token for API
 * clients); the database stores only its SHA-256, so reading the database or a run id grants no control.
 */
public record OwnerSecret(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");

    public static OwnerSecret generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new OwnerSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** A secret as a client sent it; anything not shaped like one of ours is no secret at all. */
    public static Optional<OwnerSecret> parse(String value) {
        return value != null && FORM.matcher(value).matches() ? Optional.of(new OwnerSecret(value)) : Optional.empty();
    }

    String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "OwnerSecret[…]";
    }
}
