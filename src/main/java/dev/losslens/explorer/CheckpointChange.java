package dev.losslens.explorer;

import static dev.losslens.system.words.Wording.sentence;

import dev.losslens.explorer.Breakdown.ExplainedToken;
import dev.losslens.objective.LossTotals;
import dev.losslens.objective.ObjectiveKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSourceResolvable;

/**
 * The same pair read by two checkpoints: how much each target's loss moved from the reference checkpoint to the
 * shown one, for example what fine-tuning changed relative to the base it started from.
 *
 * @param from the reference checkpoint's label
 * @param to the shown checkpoint's label
 */
record CheckpointChange(String from, String to, List<TokenChange> tokens, RoleChange prompt, RoleChange response) {

    /** One target: its loss under each checkpoint and the bin of the change. */
    record TokenChange(int position, String text, String role, double fromNll, double toNll, int bin) {

        public double change() {
            return toNll - fromNll;
        }
    }

    /** The mean loss of one role's targets under each checkpoint. */
    record RoleChange(int targets, double fromMean, double toMean) {

        public double change() {
            return toMean - fromMean;
        }

        static RoleChange of(LossTotals from, LossTotals to) {
            return new RoleChange(to.count(), from.mean(), to.mean());
        }
    }

    static CheckpointChange of(String fromLabel, Breakdown from, String toLabel, Breakdown to) {
        List<TokenChange> tokens = new ArrayList<>();
        for (int t = 1; t < to.tokens().size(); t++) {
            ExplainedToken before = from.tokens().get(t);
            ExplainedToken after = to.tokens().get(t);
            tokens.add(new TokenChange(t, after.text(), after.role(), before.nll(), after.nll(),
                    ChangeScale.bin(after.nll() - before.nll())));
        }
        LossTotals fromResponse = from.totals().get(ObjectiveKind.INSTRUCTION.key());
        LossTotals toResponse = to.totals().get(ObjectiveKind.INSTRUCTION.key());
        return new CheckpointChange(fromLabel, toLabel, tokens,
                RoleChange.of(from.totals().get(ObjectiveKind.PRETRAINING.key()).minus(fromResponse),
                        to.totals().get(ObjectiveKind.PRETRAINING.key()).minus(toResponse)),
                RoleChange.of(fromResponse, toResponse));
    }

    /**
     * What the numbers beside it show, in one sentence per role and one for the largest move (the bundle's
     * {@code page.explore.change.*}; the page words them with {@code @wording.page(line)}).
     */
    public List<MessageSourceResolvable> summary() {
        TokenChange largest = tokens.stream().max(Comparator.comparingDouble(t -> Math.abs(t.change()))).orElseThrow();
        return List.of(
                sentence("page.explore.change.response", response.targets(), nats(response.fromMean()),
                        nats(response.toMean()), moved(response.change())),
                sentence("page.explore.change.prompt", prompt.targets(), nats(prompt.fromMean()),
                        nats(prompt.toMean()), moved(prompt.change())),
                sentence("page.explore.change.largest", largest.position(), largest.text(),
                        sentence("page.role." + largest.role()), nats(largest.fromNll()), nats(largest.toNll())));
    }

    private static MessageSourceResolvable moved(double change) {
        String amount = nats(Math.abs(change));
        if (amount.equals(nats(0))) {
            return sentence("page.explore.change.none");
        }
        return sentence(change < 0 ? "page.explore.change.down" : "page.explore.change.up", amount);
    }

    private static String nats(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
