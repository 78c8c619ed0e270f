package dev.losslens.quiz.progress;

import dev.losslens.quiz.bank.Concept;
import dev.losslens.quiz.bank.QuizItem;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The graded answers of each learner, and their mastery per concept. */
@Repository
class AnswerStore {

    /** Mastery is the share right among this many most recent answers of a concept. */
    static final int RECENT = 5;

    private final JdbcClient jdbc;

    AnswerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(Learner learner, QuizItem item, int variant, boolean correct) {
        jdbc.sql("""
                insert into quiz_answer (learner_hash, concept, item_id, variant, correct, answered_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(learner.hash(), item.concept(), item.id(), variant, correct, Timestamp.from(Instant.now()))
                .update();
    }

    /**
     * One concept's mastery, read from its most recent answers only. Every column of the index is in the order-by,
     * all descending, so the database walks the index backwards and stops after {@link #RECENT} rows instead of
     * sorting the learner's whole history (H2 sorts when only {@code id} is named).
     */
    Mastery mastery(Learner learner, String concept) {
        return Mastery.of(jdbc.sql("""
                select correct from quiz_answer where learner_hash = ? and concept = ?
                order by learner_hash desc, concept desc, id desc fetch first %d rows only""".formatted(RECENT))
                .params(learner.hash(), concept).query(Boolean.class).list());
    }

    /** Concept → mastery, for the concepts the learner has answered. */
    Map<String, Mastery> mastery(Learner learner) {
        Map<String, List<Boolean>> recent = new LinkedHashMap<>();
        jdbc.sql("select concept, correct from quiz_answer where learner_hash = ? order by id desc")
                .param(learner.hash())
                .query((RowCallbackHandler) row -> keepRecent(recent, row.getString("concept"), row.getBoolean("correct")));
        Map<String, Mastery> mastery = new LinkedHashMap<>();
        recent.forEach((concept, answers) -> mastery.put(concept, Mastery.of(answers)));
        return mastery;
    }

    /** Concept → every learner's mastery of it, for the learners who answered it; anonymous, in no order. */
    Map<String, List<Mastery>> masteryOfEveryLearner() {
        Map<String, Map<String, List<Boolean>>> recent = new LinkedHashMap<>();
        jdbc.sql("select learner_hash, concept, correct from quiz_answer order by id desc")
                .query((RowCallbackHandler) row -> keepRecent(recent.computeIfAbsent(row.getString("concept"),
                        concept -> new HashMap<>()), row.getString("learner_hash"), row.getBoolean("correct")));
        Map<String, List<Mastery>> mastery = new LinkedHashMap<>();
        recent.forEach((concept, learners) -> mastery.put(concept,
                learners.values().stream().map(Mastery::of).toList()));
        return mastery;
    }

    /** Reading answers newest first, keeps the {@link #RECENT} most recent of each key. */
    private static void keepRecent(Map<String, List<Boolean>> recent, String key, boolean correct) {
        List<Boolean> answers = recent.computeIfAbsent(key, k -> new ArrayList<>());
        if (answers.size() < RECENT) {
            answers.add(correct);
        }
    }

    /** Items whose latest answer by this learner was wrong, most recent first. */
    List<String> missedItems(Learner learner) {
        return jdbc.sql("""
                select item_id from quiz_answer a
                where learner_hash = ? and not correct
                  and id = (select max(id) from quiz_answer b where b.learner_hash = a.learner_hash and b.item_id = a.item_id)
                order by id desc""")
                .param(learner.hash()).query(String.class).list();
    }

    /** Item → whether the learner's latest answer to it was right, for the items they have answered. */
    Map<String, Boolean> latest(Learner learner) {
        Map<String, Boolean> latest = new LinkedHashMap<>();
        jdbc.sql("select item_id, correct from quiz_answer where learner_hash = ? order by id")
                .param(learner.hash())
                .query((rs, row) -> Map.entry(rs.getString("item_id"), rs.getBoolean("correct")))
                .list()
                .forEach(answer -> latest.put(answer.getKey(), answer.getValue()));
        return latest;
    }

    void forget(Learner learner) {
        jdbc.sql("delete from quiz_answer where learner_hash = ?").param(learner.hash()).update();
    }
}
