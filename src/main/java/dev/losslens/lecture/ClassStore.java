package dev.losslens.lecture;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Class sessions, their polls and votes. The database keeps the invariants: one code per session, one poll per
 * question per session, one vote per participant per poll, and no vote written to a poll that is not open.
 */
@Repository
class ClassStore {

    private final JdbcClient jdbc;

    ClassStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws DuplicateKeyException when the code is taken; the caller draws another */
    void create(String code, String presenterHash, String deck, Instant expiresAt) {
        jdbc.sql("""
                insert into class_session (code, presenter_hash, deck, step, blank, created_at, expires_at)
                values (?, ?, ?, 0, false, ?, ?)""")
                .params(code, presenterHash, deck, Timestamp.from(Instant.now()), Timestamp.from(expiresAt)).update();
    }

    /** A session that has not expired. */
    Optional<ClassSession> find(String code) {
        return jdbc.sql("""
                select id, code, presenter_hash, deck, step, blank, crowd_run, created_at, expires_at from class_session
                where code = ? and expires_at > ?""")
                .params(code, Timestamp.from(Instant.now()))
                .query((rs, row) -> new ClassSession(rs.getLong("id"), rs.getString("code"),
                        rs.getString("presenter_hash"), rs.getString("deck"), rs.getInt("step"), rs.getBoolean("blank"),
                        (Long) rs.getObject("crowd_run", Long.class), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    void moveTo(long session, int step) {
        jdbc.sql("update class_session set step = ?, blank = false where id = ?").params(step, session).update();
    }

    void blank(long session, boolean blank) {
        jdbc.sql("update class_session set blank = ? where id = ?").params(blank, session).update();
    }

    void crowdRun(long session, long run) {
        jdbc.sql("update class_session set crowd_run = ? where id = ?").params(run, session).update();
    }

    /** Opens the question's poll if it has none yet; a poll once opened keeps its votes and state. */
    void openPoll(long session, String question) {
        try {
            jdbc.sql("insert into class_poll (session_id, question, state) values (?, ?, ?)")
                    .params(session, question, PollState.OPEN.key()).update();
        } catch (DuplicateKeyException alreadyOpened) {
            // the poll exists: showing its step again changes nothing
        }
    }

    Optional<Poll> poll(long session, String question) {
        return jdbc.sql("""
                select p.id, p.state, (select count(*) from class_vote v where v.poll_id = p.id) as answered
                from class_poll p where p.session_id = ? and p.question = ?""")
                .params(session, question)
                .query((rs, row) -> new Poll(rs.getLong("id"), PollState.of(rs.getString("state")),
                        rs.getInt("answered")))
                .optional();
    }

    void setState(long poll, PollState state) {
        jdbc.sql("update class_poll set state = ? where id = ?").params(state.key(), poll).update();
    }

    /** Forgets every vote and opens the poll again, in one transaction's worth of statements. */
    void reset(long poll) {
        jdbc.sql("delete from class_vote where poll_id = ?").param(poll).update();
        setState(poll, PollState.OPEN);
    }

    /**
     * Records or changes a participant's vote, only while the poll is open: the state is checked by the same
     * statement that writes, so a vote cannot slip in after the lock.
     *
     * @return false when the poll is not open
     */
    boolean vote(long poll, String participant, Integer choice, Double number) {
        Timestamp now = Timestamp.from(Instant.now());
        String open = PollState.OPEN.key();
        int changed = jdbc.sql("""
                update class_vote set choice = ?, answer_number = ?, answered_at = ?
                where poll_id = ? and participant_hash = ?
                  and exists (select 1 from class_poll p where p.id = ? and p.state = ?)""")
                .params(choice, number, now, poll, participant, poll, open).update();
        if (changed > 0) {
            return true;
        }
        try {
            // typed casts: PostgreSQL cannot infer the type of a bare parameter in a select list
            return jdbc.sql("""
                    insert into class_vote (poll_id, participant_hash, choice, answer_number, answered_at)
                    select id, cast(? as varchar(64)), cast(? as int), cast(? as double precision),
                           cast(? as timestamp)
                    from class_poll where id = ? and state = ?""")
                    .params(participant, choice, number, now, poll, open).update() > 0;
        } catch (DuplicateKeyException sameParticipantAtOnce) {
            // the same participant's other request inserted first: this one changes it
            return vote(poll, participant, choice, number);
        }
    }

    /** A participant's current answer, for the page they reload. */
    Optional<Vote> vote(long poll, String participant) {
        return jdbc.sql("select choice, answer_number from class_vote where poll_id = ? and participant_hash = ?")
                .params(poll, participant)
                .query((rs, row) -> new Vote((Integer) rs.getObject("choice"), (Double) rs.getObject("answer_number")))
                .optional();
    }

    List<Vote> votes(long poll) {
        return jdbc.sql("select choice, answer_number from class_vote where poll_id = ?")
                .param(poll)
                .query((rs, row) -> new Vote((Integer) rs.getObject("choice"), (Double) rs.getObject("answer_number")))
                .list();
    }

    record Poll(long id, PollState state, int answered) {
    }

    record Vote(Integer choice, Double number) {
    }
}
