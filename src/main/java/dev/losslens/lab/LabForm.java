package dev.losslens.lab;

import static dev.losslens.objective.ObjectiveKind.WEIGHTED;

import dev.losslens.comparison.ComparisonRequest.LaneRequest;
import dev.losslens.comparison.ComparisonRequest;
import dev.losslens.comparison.TrainingProperties;
import dev.losslens.conversation.AnswerSpan;
import dev.losslens.notation.PlainNumber;
import dev.losslens.system.rejection.FormErrors;
import dev.losslens.system.rejection.FormNumbers;
import dev.losslens.system.rejection.Rejection;
import dev.losslens.system.words.Wording;
import dev.losslens.training.LaneSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The lab form as typed: every value is kept as text, so a rejected form comes back exactly as the learner left
 * it. It always has {@link TrainingProperties#MAX_LANES} lane rows; a row without an objective is unused.
 */
record LabForm(String dataset, String model, String steps, String learningRate, String batchSize, String seed,
               String evalEvery, List<LaneRow> lanes) {

    private static final Pattern LANE_FIELD = Pattern.compile("lanes\\[(\\d+)](?:\\.(\\w+))?");

    /** @param bug the key of the pipeline bug planted in the lane; blank for the correct pipeline */
    record LaneRow(String objective, String promptWeight, String init, String answerSpan, String bug) {

        public boolean used() {
            return objective != null && !objective.isBlank();
        }
    }

    LabForm {
        List<LaneRow> rows = new ArrayList<>(lanes);
        while (rows.size() < TrainingProperties.MAX_LANES) {
            rows.add(new LaneRow("", "", LaneSpec.Init.BASE.key(), AnswerSpan.EVERY_TURN.key(), ""));
        }
        lanes = List.copyOf(rows);
    }

    /** The same form on another dataset. */
    LabForm withDataset(String name) {
        return new LabForm(name, model, steps, learningRate, batchSize, seed, evalEvery, lanes);
    }

    /** Reads the posted form; only the known fields and lane rows are looked at, whatever else is sent. */
    static LabForm from(Map<String, String> fields) {
        List<LaneRow> lanes = IntStream.range(0, TrainingProperties.MAX_LANES)
                .mapToObj(i -> new LaneRow(fields.get("lanes[%d].objective".formatted(i)),
                        fields.get("lanes[%d].promptWeight".formatted(i)), fields.get("lanes[%d].init".formatted(i)),
                        fields.get("lanes[%d].answerSpan".formatted(i)), fields.get("lanes[%d].bug".formatted(i))))
                .toList();
        return new LabForm(fields.get("dataset"), fields.get("model"), fields.get("steps"), fields.get("learningRate"),
                fields.get("batchSize"), fields.get("seed"), fields.get("evalEvery"), lanes);
    }

    static LabForm of(ComparisonRequest request) {
        return new LabForm(request.dataset(), request.model(), PlainNumber.of(request.steps()),
                PlainNumber.of(request.learningRate()), PlainNumber.of(request.batchSize()), PlainNumber.of(request.seed()),
                PlainNumber.of(request.evalEvery()), request.lanes().stream().map(lane -> new LaneRow(lane.objective(),
                        WEIGHTED.key().equals(lane.objective()) ? PlainNumber.of(lane.promptWeight()) : "", lane.init(),
                        lane.answerSpan(), lane.bug()))
                .toList());
    }

    /**
     * The request this form asks for, without its unused lane rows. A number that does not parse is recorded in
     * {@code unreadable} and left out, so the rest of the form can still be checked; so is evalEvery when steps is.
     */
    ComparisonRequest toRequest(FormErrors unreadable) {
        int[] rows = usedRows().toArray();
        List<LaneRequest> used = IntStream.range(0, rows.length).mapToObj(i -> {
            LaneRow row = lanes.get(rows[i]);
            Double lambda = WEIGHTED.key().equals(row.objective().strip()) ? unreadable.attempt(() ->
                    FormNumbers.decimal("lanes[" + i + "].promptWeight", row.promptWeight())) : null;
            return new LaneRequest(row.objective(), lambda, row.init(), row.answerSpan(), row.bug());
        }).toList();
        Integer stepCount = unreadable.attempt(() -> FormNumbers.integer("steps", steps));
        boolean stepsUnread = unreadable.has("steps");
        Integer evaluateEvery = unreadable.attempt(() -> FormNumbers.integer("evalEvery", evalEvery));
        return new ComparisonRequest(dataset, model, stepCount,
                unreadable.attempt(() -> FormNumbers.decimal("learningRate", learningRate)),
                unreadable.attempt(() -> FormNumbers.integer("batchSize", batchSize)),
                unreadable.attempt(() -> FormNumbers.whole("seed", seed)),
                // its bound depends on steps: judged against an unknown step count it would be judged wrongly
                stepsUnread ? null : evaluateEvery, used);
    }

    /**
     * The id of the form control an error about {@code field} belongs to. The validator counts only used lanes,
     * so its {@code lanes[1]} may be the form's third row.
     */
    String controlId(String field) {
        Matcher lane = LANE_FIELD.matcher(field);
        if (!lane.matches()) {
            return field;
        }
        return "lane-" + row(Integer.parseInt(lane.group(1))) + (lane.group(2) == null ? "" : "-" + lane.group(2));
    }

    /**
     * A rejection in the form's terms, as a sentence: fields are named by the labels beside their controls, and the
     * validator's {@code lanes[1]} by the row's own "lane 3".
     */
    String message(Rejection rejection, Wording wording) {
        String worded = wording.page(rejection, field -> name(field, wording));
        return Character.toUpperCase(worded.charAt(0)) + worded.substring(1);
    }

    private String name(Rejection.Field field, Wording wording) {
        Matcher lane = LANE_FIELD.matcher(field.path());
        if (!lane.matches()) {
            return wording.label(field);
        }
        return lane.group(2) != null ? wording.label(new Rejection.Field(lane.group(2)))
                : wording.page("field.lane", row(Integer.parseInt(lane.group(1))) + 1);
    }

    /** The form row of the validator's lane {@code index}. */
    private int row(int index) {
        int[] rows = usedRows().toArray();
        return index < rows.length ? rows[index] : index;
    }

    private IntStream usedRows() {
        return IntStream.range(0, lanes.size()).filter(i -> lanes.get(i).used());
    }
}
