package dev.losslens.comparison;

import dev.losslens.system.web.SecretCookie;
import java.util.Optional;

/**
 * Who started a comparison, until there are accounts: a random secret the client keeps (a cookie, or a token for API
 * clients); the database stores only its SHA-256, so reading the database or a run id grants no control.
 */
public record OwnerSecret(String value) {

    public static OwnerSecret generate() {
        return new OwnerSecret(SecretCookie.generate());
    }

    /** A secret as a client sent it; anything not shaped like one of ours is no secret at all. */
    public static Optional<OwnerSecret> parse(String value) {
        return SecretCookie.wellFormed(value) ? Optional.of(new OwnerSecret(value)) : Optional.empty();
    }

    String hash() {
        return SecretCookie.sha256(value);
    }

    @Override
    public String toString() {
        return "OwnerSecret[…]";
    }
}
