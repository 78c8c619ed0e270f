package dev.losslens.lecture;

import dev.losslens.notation.Keyed;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private static final String SESSION_ROWS = """
            select id, code, presenter_hash, deck, step, blank, crowd_run, created_at, expires_at, owner
            from class_session""";
    private static final String SELECT_SESSION = SESSION_ROWS + " where code = ? and expires_at > ?";
    /** The poll is open and a step that asks it is on screen. */
    private static final String ANSWERABLE = """
            select 1 from class_poll p join class_session s on s.id = p.session_id
            where p.id = :poll and p.state = :open and s.step in (:asking)""";

    private final JdbcClient jdbc;

    ClassStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Called under {@link #lockOpenings}, with a code not {@link #codeTaken taken}. */
    void create(String code, String presenterHash, String deck, Instant expiresAt, String openedBy, String owner) {
        jdbc.sql("""
                insert into class_session (code, presenter_hash, deck, step, blank, created_at, expires_at, opened_by,
                                           owner)
                values (?, ?, ?, 0, false, ?, ?, ?, ?)""")
                .params(code, presenterHash, deck, Timestamp.from(Instant.now()), Timestamp.from(expiresAt), openedBy,
                        owner)
                .update();
    }

    /** Serialises the openings of sessions, for the rest of the transaction, so that their caps hold. */
    void lockOpenings() {
        jdbc.sql("select id from class_session_lock where id = 1 for update").query(Integer.class).single();
    }

    /** Sessions not yet expired. */
    int countLive() {
        return jdbc.sql("select count(*) from class_session where expires_at > ?").param(now())
                .query(Integer.class).single();
    }

    /** Sessions not yet expired that were opened from this address. */
    int countLiveFrom(String address) {
        return jdbc.sql("select count(*) from class_session where expires_at > ? and opened_by = ?")
                .params(now(), address).query(Integer.class).single();
    }

    boolean codeTaken(String code) {
        return jdbc.sql("select count(*) from class_session where code = ?").param(code).query(Integer.class).single()
                > 0;
    }

    /**
     * Forgets sessions that ended before the moment given, with their polls and votes; an instructor's sessions are
     * kept, for their results.
     */
    int deleteEndedBefore(Instant moment) {
        return jdbc.sql("delete from class_session where expires_at < ? and owner is null").param(Timestamp.from(moment))
                .update();
    }

    /** The sessions an instructor opened signed in, ended or not, newest first; every instructor's when null. */
    List<ClassSession> owned(String owner, int limit) {
        return jdbc.sql(SESSION_ROWS + """
                 where owner is not null and (cast(? as varchar(40)) is null or owner = ?)
                order by id desc fetch first %d rows only""".formatted(limit))
                .params(owner, owner).query(ClassStore::session).list();
    }

    /** A session an instructor opened signed in, ended or not: its results outlive it. */
    Optional<ClassSession> findOwned(String code) {
        return jdbc.sql(SESSION_ROWS + " where code = ? and owner is not null")
                .param(code).query(ClassStore::session).optional();
    }

    /** A session that has not expired. */
    Optional<ClassSession> find(String code) {
        return jdbc.sql(SELECT_SESSION).params(code, now()).query(ClassStore::session).optional();
    }

    /**
     * The session, locked until the transaction ends: a presenter's actions on one session apply one after another,
     * however many arrive at once.
     */
    Optional<ClassSession> findForUpdate(String code) {
        return jdbc.sql(SELECT_SESSION + " for update").params(code, now()).query(ClassStore::session).optional();
    }

    private static ClassSession session(ResultSet rs, int row) throws SQLException {
        return new ClassSession(rs.getLong("id"), rs.getString("code"), rs.getString("presenter_hash"),
                rs.getString("deck"), rs.getInt("step"), rs.getBoolean("blank"),
                (Long) rs.getObject("crowd_run", Long.class), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(), rs.getString("owner"));
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
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

    /**
     * Opens the question's poll if it has none yet; a poll once opened keeps its votes and state. Called with the
     * session locked ({@link #findForUpdate}), so no other transaction inserts the same poll meanwhile: the statement
     * never meets the unique key, which on PostgreSQL would abort the whole transaction.
     */
    void openPoll(long session, String question) {
        jdbc.sql("""
                insert into class_poll (session_id, question, state)
                select id, cast(? as varchar(80)), cast(? as varchar(10)) from class_session
                where id = ? and not exists (select 1 from class_poll where session_id = ? and question = ?)""")
                .params(question, PollState.OPEN.key(), session, session, question).update();
    }

    Optional<Poll> poll(long session, String question) {
        return jdbc.sql("""
                select p.id, p.state, p.round, p.answer_shown,
                       (select count(*) from class_vote v where v.poll_id = p.id) as answered
                from class_poll p where p.session_id = ? and p.question = ?""")
                .params(session, question)
                .query((rs, row) -> new Poll(rs.getLong("id"), Keyed.of(PollState.class, rs.getString("state")),
                        rs.getInt("answered"), rs.getInt("round"), rs.getBoolean("answer_shown")))
                .optional();
    }

    void setState(long poll, PollState state) {
        jdbc.sql("update class_poll set state = ? where id = ?").params(state.key(), poll).update();
    }

    /** Closes the poll to answers if it is open; a revealed poll stays revealed. */
    void lockIfOpen(long poll) {
        jdbc.sql("update class_poll set state = ? where id = ? and state = ?")
                .params(PollState.LOCKED.key(), poll, PollState.OPEN.key()).update();
    }

    /** Forgets every vote of both rounds and opens the poll again as a first round, in one transaction. */
    void reset(long poll) {
        jdbc.sql("delete from class_vote where poll_id = ?").param(poll).update();
        jdbc.sql("delete from class_first_vote where poll_id = ?").param(poll).update();
        jdbc.sql("update class_poll set state = ?, round = 1, answer_shown = false where id = ?")
                .params(PollState.OPEN.key(), poll).update();
    }

    /**
     * Opens the poll's second round: the first round's answers move aside, and everyone answers again. Called in the
     * presenter's transaction, with the session locked.
     */
    void secondRound(long poll) {
        jdbc.sql("""
                insert into class_first_vote (poll_id, participant_hash, choice, answer_number)
                select poll_id, participant_hash, choice, answer_number from class_vote where poll_id = ?""")
                .param(poll).update();
        jdbc.sql("delete from class_vote where poll_id = ?").param(poll).update();
        jdbc.sql("update class_poll set state = ?, round = 2, answer_shown = false where id = ?")
                .params(PollState.OPEN.key(), poll).update();
    }

    void showAnswer(long poll) {
        jdbc.sql("update class_poll set answer_shown = true where id = ?").param(poll).update();
    }

    /** The first round's answers of a poll asked twice. */
    List<Vote> firstVotes(long poll) {
        return jdbc.sql("select choice, answer_number from class_first_vote where poll_id = ?")
                .param(poll)
                .query(ClassStore::voteOf)
                .list();
    }

    /** Participants who chose another option in the first round and the right one in the second. */
    int movedTo(long poll, int right) {
        return jdbc.sql("""
                select count(*) from class_first_vote f join class_vote v
                  on v.poll_id = f.poll_id and v.participant_hash = f.participant_hash
                where f.poll_id = ? and f.choice <> ? and v.choice = ?""")
                .params(poll, right, right).query(Integer.class).single();
    }

    /**
     * Records or changes a participant's vote, only while the poll is open and one of the steps that ask it is on
     * screen: both are checked by the same statement that writes, so a vote cannot slip in after the lock or after
     * the presenter moved on.
     *
     * @param asking the indices of the deck's steps that ask this poll's question
     * @return false when the poll is not open or not on screen
     */
    boolean vote(long poll, List<Integer> asking, String participant, Integer choice, Double number) {
        Timestamp now = now();
        int changed = jdbc.sql("""
                update class_vote set choice = :choice, answer_number = :number, answered_at = :now
                where poll_id = :poll and participant_hash = :participant and exists (%s)""".formatted(ANSWERABLE))
                .param("choice", choice).param("number", number).param("now", now).param("poll", poll)
                .param("participant", participant).param("open", PollState.OPEN.key()).param("asking", asking)
                .update();
        if (changed > 0) {
            return true;
        }
        try {
            // typed casts: PostgreSQL cannot infer the type of a bare parameter in a select list
            return jdbc.sql("""
                    insert into class_vote (poll_id, participant_hash, choice, answer_number, answered_at)
                    select :poll, cast(:participant as varchar(64)), cast(:choice as int),
                           cast(:number as double precision), cast(:now as timestamp)
                    from class_poll where id = :poll and exists (%s)""".formatted(ANSWERABLE))
                    .param("choice", choice).param("number", number).param("now", now).param("poll", poll)
                    .param("participant", participant).param("open", PollState.OPEN.key()).param("asking", asking)
                    .update() > 0;
        } catch (DuplicateKeyException sameParticipantAtOnce) {
            // the same participant's other request inserted first (a vote runs in no transaction of its own, so
            // nothing is aborted): this one changes it
            return vote(poll, asking, participant, choice, number);
        }
    }

    /** A participant's current answer, for the page they reload. */
    Optional<Vote> vote(long poll, String participant) {
        return jdbc.sql("select choice, answer_number from class_vote where poll_id = ? and participant_hash = ?")
                .params(poll, participant)
                .query(ClassStore::voteOf)
                .optional();
    }

    List<Vote> votes(long poll) {
        return jdbc.sql("select choice, answer_number from class_vote where poll_id = ?")
                .param(poll)
                .query(ClassStore::voteOf)
                .list();
    }

    private static Vote voteOf(ResultSet rs, int row) throws SQLException {
        return new Vote((Integer) rs.getObject("choice"), (Double) rs.getObject("answer_number"));
    }

    /**
     * @param round       1, or 2 once the presenter asked it again
     * @param answerShown whether the presenter has shown a second round's right answer
     */
    record Poll(long id, PollState state, int answered, int round, boolean answerShown) {
    }

    record Vote(Integer choice, Double number) {
    }
}
