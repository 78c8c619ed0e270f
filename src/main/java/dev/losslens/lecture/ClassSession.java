package dev.losslens.lecture;

import java.time.Instant;

/** A lecture's class session as stored: where the deck is, and whom it answers to. */
record ClassSession(long id, String code, String presenterHash, String deck, int step, boolean blank,
                    Instant createdAt, Instant expiresAt) {
}
