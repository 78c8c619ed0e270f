package dev.losslens.lab;

import dev.losslens.comparison.ComparisonView;
import dev.losslens.comparison.ComparisonView.LaneView;
import java.util.Comparator;

/**
 * The lane and step the run page's batch view opens on, where something happened: a lane that diverged, at the step
 * it did; else the first lane with a bug, named or hidden (else the first lane), at step 1.
 */
record BatchStart(int lane, int step) {

    static BatchStart of(ComparisonView run) {
        LaneView lane = run.lanes().stream().min(Comparator
                .comparing((LaneView l) -> l.divergedAt() == null)
                .thenComparing(l -> l.bug() == null && !l.hiddenBug())).orElseThrow();
        return new BatchStart(lane.index(), lane.divergedAt() != null ? lane.divergedAt() : 1);
    }
}
