package dev.losslens.quiz;

import dev.losslens.system.web.SecretCookie;

/** An anonymous learner: the SHA-256 of the random secret their browser keeps. No name, no personal data. */
public record Learner(String hash) {

    public static Learner of(String secret) {
        return new Learner(SecretCookie.sha256(secret));
    }
}
