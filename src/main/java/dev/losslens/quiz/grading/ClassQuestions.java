package dev.losslens.quiz.grading;

import dev.losslens.quiz.bank.BugZoo;
import dev.losslens.quiz.bank.ChoiceItem;
import dev.losslens.quiz.bank.DiagnoseItem;
import dev.losslens.quiz.bank.Option;
import dev.losslens.quiz.bank.PredictItem;
import dev.losslens.quiz.bank.PresetRuns;
import dev.losslens.quiz.bank.QuizBank;
import dev.losslens.quiz.bank.QuizItem;
import dev.losslens.quiz.bank.TrueFalseItem;
import dev.losslens.system.words.Wording;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The bank's items that a whole class can answer at once on their phones: single choice, true/false (the statement
 * alone), predictions, whose right option is read from the preset's real run once it has finished, and diagnoses of a
 * mystery run, whose options are the bugs of the zoo.
 */
@Component
public class ClassQuestions {

    private final QuizBank bank;
    private final PresetRuns runs;
    private final BugZoo zoo;
    private final Wording words;

    ClassQuestions(QuizBank bank, PresetRuns runs, BugZoo zoo, Wording words) {
        this.bank = bank;
        this.runs = runs;
        this.zoo = zoo;
        this.words = words;
    }

    /** A bank item as a class poll, if it is one a class can answer by tapping one option. */
    public Optional<ClassQuestion> find(String id) {
        return bank.item(id).flatMap(item -> {
            if (item instanceof ChoiceItem choice && choice.kind() == QuizItem.Kind.CHOICE) {
                return Optional.of(new ClassQuestion(id, choice.stem(),
                        choice.options().stream().map(Option::text).toList(), null, null));
            }
            if (item instanceof TrueFalseItem judged) {
                return Optional.of(new ClassQuestion(id, judged.statement(),
                        List.of(words.page("quiz.option.true"), words.page("quiz.option.false")), null, null));
            }
            if (item instanceof PredictItem predict && predict.outcome().lanesAreOptions()) {
                return Optional.of(new ClassQuestion(id, predict.stem(), runs.lanes(predict.preset()),
                        predict.preset(), null));
            }
            if (item instanceof DiagnoseItem diagnose) {
                return Optional.of(new ClassQuestion(id, words.page("quiz.diagnose.class"), zoo.titles(), null,
                        diagnose.bug()));
            }
            return Optional.empty();
        });
    }

    /**
     * The right option's index: fixed for choice and true/false; for a prediction, read from the preset's newest
     * finished run, or empty while none has finished (asking starts the run if there is none).
     */
    public Optional<Integer> right(String id) {
        QuizItem item = bank.item(id).orElseThrow();
        if (item instanceof ChoiceItem choice) {
            return Optional.of(choice.rightOptions().get(0));
        }
        if (item instanceof TrueFalseItem judged) {
            return Optional.of(judged.answer() ? 0 : 1);
        }
        if (item instanceof DiagnoseItem diagnose) {
            return Optional.of(zoo.bugs().indexOf(diagnose.bug()));
        }
        PredictItem predict = (PredictItem) item;
        PresetRuns.Observation run = runs.observe(predict.preset());
        return run.finished() ? Optional.of(predict.outcome().right(run)) : Optional.empty();
    }

    /**
     * @param preset the lab preset whose run answers it, for a prediction; null otherwise
     * @param bug    the key of the bug whose mystery run a diagnosis is about; null otherwise
     */
    public record ClassQuestion(String id, String text, List<String> options, String preset, String bug) {
    }
}
