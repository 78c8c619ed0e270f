package dev.losslens.quiz.progress;

import dev.losslens.quiz.bank.QuizItem;
import dev.losslens.quiz.grading.Answer;
import dev.losslens.quiz.grading.Grade;
import dev.losslens.quiz.grading.QuizService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** A learner's side of the bank: grading that is remembered, mastery per concept, and what to practise next. */
@Service
public class Progress {

    private final QuizService quiz;
    private final AnswerStore answers;
    private final Counter graded;

    Progress(QuizService quiz, AnswerStore answers, MeterRegistry meters) {
        this.quiz = quiz;
        this.answers = answers;
        this.graded = Counter.builder("losslens.quiz.answers").description("Quiz answers graded and stored")
                .register(meters);
    }

    /**
     * Grades the answer, then stores it; nothing is stored when the answer is rejected. Grading runs outside any
     * transaction: a prediction may start a preset's run, which must stay queued when the answer is turned down.
     */
    public Result answer(Learner learner, QuizItem item, Answer answer) {
        int variant = answer.variant() == null ? learner.variantOf(item) : answer.variant();
        Grade grade = quiz.grade(item, variant, answer);
        answers.record(learner, item, variant, grade.correct());
        graded.increment();
        return new Result(grade, answers.mastery(learner, item.concept()));
    }

    /**
     * Remembers a verdict reached outside the quiz on one of its items (a mystery run named, for the item that asks
     * about the same bug): it counts toward the concept's mastery like an answer graded here.
     */
    public Mastery record(Learner learner, QuizItem item, boolean correct) {
        answers.record(learner, item, learner.variantOf(item), correct);
        graded.increment();
        return answers.mastery(learner, item.concept());
    }

    public Map<String, Mastery> mastery(Optional<Learner> learner) {
        return learner.map(answers::mastery).orElse(Map.of());
    }

    /** Items last answered wrong, most recent first: practised before anything new. */
    public List<String> missed(Optional<Learner> learner) {
        return learner.map(answers::missedItems).orElse(List.of());
    }

    /** Item → whether the learner's latest answer to it was right. */
    public Map<String, Boolean> latest(Optional<Learner> learner) {
        return learner.map(answers::latest).orElse(Map.of());
    }

    /** Every concept any learner answered, as anonymous aggregates over the learners. */
    public List<ConceptMastery> acrossLearners() {
        return answers.masteryOfEveryLearner().entrySet().stream()
                .map(concept -> ConceptMastery.of(concept.getKey(), concept.getValue())).toList();
    }

    public void reset(Learner learner) {
        answers.forget(learner);
    }

    /** A graded answer and the concept's mastery after it. */
    public record Result(Grade grade, Mastery mastery) {
    }
}
