package dev.losslens.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** A person who signs in: the name is lower case, and only the BCrypt hash of the password is ever kept. */
record Account(String username, String passwordHash, Role role, Instant createdAt) {

    /** When it was added, to the second (UTC). */
    public String since() {
        return createdAt.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
