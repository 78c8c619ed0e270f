package dev.losslens.lab;

import static dev.losslens.objective.ObjectiveKind.WEIGHTED;

import dev.losslens.comparison.ComparisonRequest;
import dev.losslens.comparison.ComparisonRequest.LaneRequest;
import dev.losslens.comparison.TrainingProperties;
import dev.losslens.system.FormErrors;
import dev.losslens.system.InvalidInputException;
import dev.losslens.training.LaneSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
    private static final Pattern LANE_REFERENCE = Pattern.compile("lanes\\[(\\d+)]");
    private static final Map<String, String> LABELS = Map.of("learningRate must", "Learning rate must",
            "batchSize must", "Batch size must", "evalEvery must", "“Evaluate every” must", "steps must", "Steps must",
            "seed must", "Seed must", "model must", "Model must", "promptWeight (λ)", "λ");

    record LaneRow(String objective, String promptWeight, String init) {

        public boolean used() {
            return objective != null && !objective.isBlank();
        }
    }

    LabForm {
        List<LaneRow> rows = new ArrayList<>(lanes);
        while (rows.size() < TrainingProperties.MAX_LANES) {
            rows.add(new LaneRow("", "", LaneSpec.Init.BASE.key()));
        }
        lanes = List.copyOf(rows);
    }

    /** Reads the posted form; only the known fields and lane rows are looked at, whatever else is sent. */
    static LabForm from(Map<String, String> fields) {
        List<LaneRow> lanes = IntStream.range(0, TrainingProperties.MAX_LANES)
                .mapToObj(i -> new LaneRow(fields.get("lanes[%d].objective".formatted(i)),
                        fields.get("lanes[%d].promptWeight".formatted(i)), fields.get("lanes[%d].init".formatted(i))))
                .toList();
        return new LabForm(fields.get("dataset"), fields.get("model"), fields.get("steps"), fields.get("learningRate"),
                fields.get("batchSize"), fields.get("seed"), fields.get("evalEvery"), lanes);
    }

    static LabForm of(ComparisonRequest request) {
        return new LabForm(request.dataset(), request.model(), plain(request.steps()), plain(request.learningRate()),
                plain(request.batchSize()), plain(request.seed()), plain(request.evalEvery()),
                request.lanes().stream().map(lane -> new LaneRow(lane.objective(),
                        WEIGHTED.key().equals(lane.objective()) ? plain(lane.promptWeight()) : "", lane.init())).toList());
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
                    number(row.promptWeight(), "lanes[" + i + "].promptWeight", "λ", Double::valueOf)) : null;
            return new LaneRequest(row.objective(), lambda, row.init());
        }).toList();
        Integer stepCount = unreadable.attempt(() -> number(steps, "steps", Integer::valueOf));
        boolean stepsUnread = unreadable.messages().containsKey("steps");
        Integer evaluateEvery = unreadable.attempt(() -> number(evalEvery, "evalEvery", Integer::valueOf));
        return new ComparisonRequest(dataset, model, stepCount,
                unreadable.attempt(() -> number(learningRate, "learningRate", Double::valueOf)),
                unreadable.attempt(() -> number(batchSize, "batchSize", Integer::valueOf)),
                unreadable.attempt(() -> number(seed, "seed", Long::valueOf)),
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
     * The validator's message in the form's terms: field names become the labels beside the controls, and its
     * {@code lanes[1]} becomes the row's own "lane 3".
     */
    String message(String message) {
        String worded = message;
        for (Map.Entry<String, String> label : LABELS.entrySet()) {
            worded = worded.replace(label.getKey(), label.getValue());
        }
        worded = LANE_REFERENCE.matcher(worded).replaceAll(match -> "lane " + (row(Integer.parseInt(match.group(1))) + 1));
        return Character.toUpperCase(worded.charAt(0)) + worded.substring(1);
    }

    /** The form row of the validator's lane {@code index}. */
    private int row(int index) {
        int[] rows = usedRows().toArray();
        return index < rows.length ? rows[index] : index;
    }

    private IntStream usedRows() {
        return IntStream.range(0, lanes.size()).filter(i -> lanes.get(i).used());
    }

    private static <T> T number(String value, String field, Function<String, T> parse) {
        return number(value, field, field, parse);
    }

    private static <T> T number(String value, String field, String name, Function<String, T> parse) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parse.apply(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "%s must be a number, not '%s'".formatted(name, value.strip()));
        }
    }

    /** A number as a person writes it: {@code 0.0003}, not {@code 3.0E-4}. */
    static String plain(Number value) {
        return value == null ? "" : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }
}
