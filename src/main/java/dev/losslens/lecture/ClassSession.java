package dev.losslens.lecture;

import java.time.Instant;

/**
 * A lecture's class session as stored: where the deck is, and whom it answers to.
 *
 * @param crowdRun the comparison started from the class's λ answers, or null
 * @param owner    the instructor who opened it signed in, or null when it was opened without signing in
 */
record ClassSession(long id, String code, String presenterHash, String deck, int step, boolean blank,
                    Long crowdRun, Instant createdAt, Instant expiresAt, String owner) {
}
