package dev.losslens.comparison;

import static dev.losslens.system.words.Wording.sentence;

import dev.losslens.comparison.ComparisonConfig.LaneConfig;
import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.notation.PlainNumber;
import dev.losslens.objective.ObjectiveKind;
import dev.losslens.training.LaneSpec;
import org.springframework.context.MessageSourceResolvable;

/**
 * A lane's name as people read it, from the runs bundle's {@code lane.*} words: "Pre-training objective, from base",
 * "λ = 0.1, from scratch" (λ to four significant digits, however small). A run stores its lanes' names in English.
 */
public final class LaneLabel {

    private LaneLabel() {
    }

    public static MessageSourceResolvable of(ObjectiveKind objective, double promptWeight, LaneSpec.Init init) {
        MessageSourceResolvable what = sentence("lane." + objective.key(), PlainNumber.significant(promptWeight, 4));
        return sentence("lane.from-" + init.key(), what);
    }

    public static MessageSourceResolvable of(LaneConfig lane) {
        return of(lane.objective(), lane.promptWeight(), lane.init());
    }

    public static MessageSourceResolvable of(LaneView lane) {
        return of(lane.objective(), lane.promptWeight(), lane.init());
    }
}
