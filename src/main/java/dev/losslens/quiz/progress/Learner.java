package dev.losslens.quiz.progress;

import dev.losslens.quiz.bank.QuizItem;
import dev.losslens.system.web.SecretCookie;

/** An anonymous learner: the SHA-256 of the random secret their browser keeps. No name, no personal data. */
public record Learner(String hash) {

    public static Learner of(String secret) {
        return new Learner(SecretCookie.sha256(secret));
    }

    /** The variant of an item this learner gets: always the same one for the same learner. */
    public int variantOf(QuizItem item) {
        return Math.floorMod((hash + ":" + item.id()).hashCode(), item.variants());
    }
}
