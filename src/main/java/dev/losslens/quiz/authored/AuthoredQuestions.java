package dev.losslens.quiz.authored;

import dev.losslens.notation.Keyed;
import dev.losslens.quiz.bank.QuizItem;
import dev.losslens.system.rejection.ConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Instructors' questions in the database: written, imported, changed and deleted by their authors, and read by every
 * learner's quiz on whichever replica serves it. Nothing here knows who is signed in; callers say who the author is.
 */
@Repository
public class AuthoredQuestions {

    private static final String COLUMNS = """
            id, author, kind, title, question_text, truth, answer_number, tolerance, objective, prompt_weight, prompt,
            response, feedback_if_true, feedback_if_false, feedback, created_at, updated_at""";

    private final JdbcClient jdbc;

    AuthoredQuestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One question's id and kind, without its text: enough to choose a quiz's questions. */
    public record Listed(String item, QuizItem.Kind kind) {
    }

    /** An author's questions, oldest first. */
    public List<AuthoredQuestion> by(String author) {
        return withOptions(jdbc.sql("select " + COLUMNS + " from instructor_question where author = ? order by id")
                .param(author).query(AuthoredQuestions::question).list());
    }

    /** Every instructor's questions, oldest first: an administrator's view. */
    public List<AuthoredQuestion> all() {
        return withOptions(jdbc.sql("select " + COLUMNS + " from instructor_question order by id")
                .query(AuthoredQuestions::question).list());
    }

    public Optional<AuthoredQuestion> find(long id) {
        return withOptions(jdbc.sql("select " + COLUMNS + " from instructor_question where id = ?").param(id)
                .query(AuthoredQuestions::question).list()).stream().findFirst();
    }

    /** The question a quiz item id names, as the quiz asks it. */
    public Optional<QuizItem> item(String itemId) {
        return AuthoredQuestion.idOf(itemId).flatMap(this::find).map(AuthoredQuestion::quizItem);
    }

    /** Of these item ids, the ones that name a stored question. */
    public Set<String> existing(Collection<String> itemIds) {
        List<Long> ids = itemIds.stream().map(AuthoredQuestion::idOf).flatMap(Optional::stream).distinct().toList();
        if (ids.isEmpty()) {
            return Set.of();
        }
        return jdbc.sql("select id from instructor_question where id in (:ids)").param("ids", ids)
                .query(Long.class).list().stream().map(AuthoredQuestion::itemId).collect(Collectors.toSet());
    }

    /** Every question's item id and kind, oldest first. */
    public List<Listed> listing() {
        return jdbc.sql("select id, kind from instructor_question order by id")
                .query((row, n) -> new Listed(AuthoredQuestion.itemId(row.getLong(1)),
                        Keyed.of(QuestionKind.class, row.getString(2)).quizKind()))
                .list();
    }

    public int count() {
        return jdbc.sql("select count(*) from instructor_question").query(Integer.class).single();
    }

    public int count(String author) {
        return jdbc.sql("select count(*) from instructor_question where author = ?").param(author)
                .query(Integer.class).single();
    }

    /**
     * Stores checked questions as the author's, all or none: refused with 409 when they would take the author past
     * {@code cap} questions. Additions are serialised by one row's lock, so the cap holds under any concurrency.
     */
    @Transactional
    public List<AuthoredQuestion> add(String author, List<Question> questions, int cap) {
        jdbc.sql("select id from instructor_question_lock where id = 1 for update").query(Integer.class).single();
        int kept = count(author);
        if (kept + questions.size() > cap) {
            throw new ConflictException("questions", "questions.full", cap, kept, questions.size());
        }
        Instant now = Instant.now();
        List<AuthoredQuestion> added = new ArrayList<>();
        for (Question question : questions) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into instructor_question (author, kind, title, question_text, truth, answer_number, tolerance,
                        objective, prompt_weight, prompt, response, feedback_if_true, feedback_if_false, feedback,
                        created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(author, question.kind(), question.title(), question.text(), question.truth(),
                            question.answer(), question.tolerance(), question.objective(), question.lambda(),
                            question.prompt(), question.response(), question.ifTrue(), question.ifFalse(),
                            question.feedback(), Timestamp.from(now), Timestamp.from(now))
                    .update(key, "id");
            long id = key.getKey().longValue();
            insertOptions(id, question);
            added.add(new AuthoredQuestion(id, author, question, now, now));
        }
        return added;
    }

    /** Replaces a question's content, keeping its author and id; empty when there is no such question. */
    @Transactional
    public Optional<AuthoredQuestion> replace(long id, Question question) {
        Instant now = Instant.now();
        int changed = jdbc.sql("""
                update instructor_question set kind = ?, title = ?, question_text = ?, truth = ?, answer_number = ?,
                    tolerance = ?, objective = ?, prompt_weight = ?, prompt = ?, response = ?, feedback_if_true = ?,
                    feedback_if_false = ?, feedback = ?, updated_at = ?
                where id = ?""")
                .params(question.kind(), question.title(), question.text(), question.truth(), question.answer(),
                        question.tolerance(), question.objective(), question.lambda(), question.prompt(),
                        question.response(), question.ifTrue(), question.ifFalse(), question.feedback(),
                        Timestamp.from(now), id)
                .update();
        if (changed == 0) {
            return Optional.empty();
        }
        jdbc.sql("delete from instructor_question_option where question_id = ?").param(id).update();
        insertOptions(id, question);
        return find(id);
    }

    /** Deletes a question and its options; false when there was none. Learners' answers to it stay in their history. */
    public boolean delete(long id) {
        return jdbc.sql("delete from instructor_question where id = ?").param(id).update() > 0;
    }

    private void insertOptions(long id, Question question) {
        if (question.options() == null) {
            return;
        }
        for (int i = 0; i < question.options().size(); i++) {
            QuestionOption option = question.options().get(i);
            jdbc.sql("""
                    insert into instructor_question_option (question_id, option_index, option_text, correct, feedback)
                    values (?, ?, ?, ?, ?)""")
                    .params(id, i, option.text(), option.correct(), option.feedback())
                    .update();
        }
    }

    /** The questions with their options, read in one query for all of them. */
    private List<AuthoredQuestion> withOptions(List<AuthoredQuestion> questions) {
        List<Long> choices = questions.stream().filter(q -> q.question().questionKind().hasOptions())
                .map(AuthoredQuestion::id).toList();
        if (choices.isEmpty()) {
            return questions;
        }
        Map<Long, List<QuestionOption>> options = new LinkedHashMap<>();
        jdbc.sql("""
                select question_id, option_text, correct, feedback from instructor_question_option
                where question_id in (:ids) order by question_id, option_index""")
                .param("ids", choices)
                .query((row, n) -> Map.entry(row.getLong(1), new QuestionOption(row.getString(2), row.getBoolean(3),
                        row.getString(4))))
                .list()
                .forEach(option -> options.computeIfAbsent(option.getKey(), k -> new ArrayList<>())
                        .add(option.getValue()));
        return questions.stream().map(stored -> {
            Question q = stored.question();
            if (!q.questionKind().hasOptions()) {
                return stored;
            }
            return new AuthoredQuestion(stored.id(), stored.author(), new Question(q.kind(), q.title(), q.text(),
                    List.copyOf(options.getOrDefault(stored.id(), List.of())), q.truth(), q.answer(), q.tolerance(),
                    q.objective(), q.lambda(), q.prompt(), q.response(), q.ifTrue(), q.ifFalse(), q.feedback()),
                    stored.created(), stored.updated());
        }).toList();
    }

    private static AuthoredQuestion question(ResultSet row, int n) throws SQLException {
        Question question = new Question(row.getString("kind"), row.getString("title"),
                row.getString("question_text"), null, (Boolean) row.getObject("truth"), number(row, "answer_number"), number(row, "tolerance"),
                row.getString("objective"), number(row, "prompt_weight"), row.getString("prompt"),
                row.getString("response"), row.getString("feedback_if_true"), row.getString("feedback_if_false"),
                row.getString("feedback"));
        return new AuthoredQuestion(row.getLong("id"), row.getString("author"), question,
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }

    private static Double number(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? null : value;
    }
}
