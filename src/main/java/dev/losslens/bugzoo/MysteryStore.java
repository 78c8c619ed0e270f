package dev.losslens.bugzoo;

import dev.losslens.notation.Keyed;
import dev.losslens.quiz.progress.Learner;
import dev.losslens.training.PipelineBug;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Mysteries as stored: which run, which bug, whose, and the one answer once it is given. */
@Repository
class MysteryStore {

    private final JdbcClient jdbc;

    MysteryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param answer the bug the learner named, or null until they have
     */
    record Mystery(long id, long run, PipelineBug bug, String learnerHash, Instant createdAt, PipelineBug answer,
                   Instant answeredAt) {

        boolean ownedBy(Optional<Learner> learner) {
            return learner.map(Learner::hash).filter(learnerHash::equals).isPresent();
        }
    }

    long insert(long run, PipelineBug bug, Learner learner) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into mystery (comparison_id, bug, learner_hash, created_at) values (?, ?, ?, ?)")
                .params(run, bug.key(), learner.hash(), Timestamp.from(Instant.now()))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Mystery> find(long id) {
        return jdbc.sql("select * from mystery where id = ?").param(id)
                .query((rs, n) -> new Mystery(rs.getLong("id"), rs.getLong("comparison_id"),
                        Keyed.of(PipelineBug.class, rs.getString("bug")), rs.getString("learner_hash"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getString("answer") == null ? null : Keyed.of(PipelineBug.class, rs.getString("answer")),
                        rs.getTimestamp("answered_at") == null ? null : rs.getTimestamp("answered_at").toInstant()))
                .optional();
    }

    /** Stores the answer if none is stored yet; of two answers at once, only one is. */
    boolean answer(long id, PipelineBug answer) {
        return jdbc.sql("update mystery set answer = ?, answered_at = ? where id = ? and answer is null")
                .params(answer.key(), Timestamp.from(Instant.now()), id).update() == 1;
    }
}
