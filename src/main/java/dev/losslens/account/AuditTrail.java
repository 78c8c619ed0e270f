package dev.losslens.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Repository;

/** Who did what to instructors' material, and when: one appended row per action, read by the administrator. */
@Repository
public class AuditTrail {

    private static final int SUBJECT_CHARS = 200;

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an action by whoever is signed in on this request. */
    public void record(String action, String subject) {
        String actor = SecurityContextHolder.getContext().getAuthentication() == null ? "?"
                : SecurityContextHolder.getContext().getAuthentication().getName();
        record(actor, action, subject);
    }

    void record(String actor, String action, String subject) {
        jdbc.sql("insert into audit_event (at, actor, action, subject) values (?, ?, ?, ?)")
                .params(Timestamp.from(Instant.now()), actor, action,
                        subject.length() > SUBJECT_CHARS ? subject.substring(0, SUBJECT_CHARS) : subject)
                .update();
    }

    /** The latest entries, newest first. */
    List<AuditEntry> latest(int limit) {
        return jdbc.sql("select at, actor, action, subject from audit_event order by id desc limit ?").param(limit)
                .query((row, n) -> new AuditEntry(row.getTimestamp(1).toInstant(), row.getString(2), row.getString(3),
                        row.getString(4)))
                .list();
    }
}
