package dev.losslens.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One action in the audit trail: the signed-in name that acted, the action's word and what it acted on. */
public record AuditEntry(Instant at, String actor, String action, String subject) {

    /** When, to the second (UTC). */
    public String when() {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
