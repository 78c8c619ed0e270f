package dev.losslens.lab;

import dev.losslens.comparison.ComparisonService;
import dev.losslens.comparison.ComparisonStatus;
import dev.losslens.comparison.ComparisonView.LaneView;
import dev.losslens.comparison.ComparisonView;
import dev.losslens.comparison.LaneLabel;
import dev.losslens.comparison.OwnerSecret;
import dev.losslens.notation.Keyed;
import dev.losslens.quiz.bank.PresetRuns;
import dev.losslens.system.rejection.NotFoundException;
import dev.losslens.system.words.Wording;
import dev.losslens.training.MetricPoint;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The quiz's view of the lab's presets: the newest finished run of a preset, or one started for the quiz (joined if
 * the preset is already training). Nobody can cancel a run started here, as nobody holds its owner secret.
 */
@Component
class LabPresetRuns implements PresetRuns {

    private static final String CLIENT = "quiz";

    private final ComparisonService comparisons;
    private final Wording wording;

    LabPresetRuns(ComparisonService comparisons, Wording wording) {
        this.comparisons = comparisons;
        this.wording = wording;
    }

    @Override
    public List<String> lanes(String preset) {
        return find(preset).laneLabels().stream().map(wording::page).toList();
    }

    @Override
    public Observation observe(String preset) {
        LabPreset chosen = find(preset);
        ComparisonView run = comparisons.latest(chosen.request()).orElseGet(() -> comparisons.view(
                comparisons.submit(chosen.request(), CLIENT, OwnerSecret.generate()).comparison().id()));
        return new Observation(run.id(), run.status() == ComparisonStatus.FINISHED, run.stepsDone(), run.config().steps(),
                run.lanes().stream().filter(lane -> !lane.metrics().isEmpty()).map(lane -> lane(lane, run.lanes())).toList());
    }

    private ObservedLane lane(LaneView lane, List<LaneView> lanes) {
        MetricPoint first = lane.metrics().get(0);
        MetricPoint last = lane.metrics().get(lane.metrics().size() - 1);
        return new ObservedLane(wording.page(LaneLabel.of(lane, lanes)), lane.init().key(), lane.objective().key(), last.responseNll(),
                first.promptNll(), last.promptNll(), last.exactMatch(), last.drift());
    }

    private static LabPreset find(String preset) {
        return Keyed.parse(LabPreset.class, preset).orElseThrow(() -> new NotFoundException("preset", "preset.unknown", preset));
    }
}
