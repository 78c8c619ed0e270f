package dev.losslens.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void limitsAreRefusalsAndEverythingElseThatFailedIsAnError() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.answered(200, 1_000_000);
        recorder.answered(429, 2_000_000);
        recorder.answered(409, 3_000_000);
        recorder.answered(400, 4_000_000);
        recorder.answered(503, 5_000_000);
        recorder.failed("timeout");
        LatencyRecorder.Summary summary = recorder.summary(2);
        assertThat(summary.requests()).isEqualTo(6);
        assertThat(summary.perSecond()).isEqualTo(3);
        assertThat(summary.refused()).isEqualTo(2);
        assertThat(summary.errors()).isEqualTo(3);
        assertThat(summary.outcomes()).containsAllEntriesOf(Map.of("200", 1, "429", 1, "503", 1, "timeout", 1));
    }

    @Test
    void percentilesAreNearestRanksOfEverySample() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (int millis = 100; millis >= 1; millis--) {
            recorder.answered(200, millis * 1_000_000L);
        }
        LatencyRecorder.Summary summary = recorder.summary(1);
        assertThat(summary.p50Millis()).isEqualTo(50);
        assertThat(summary.p99Millis()).isEqualTo(99);
        assertThat(new LatencyRecorder().summary(1).p50Millis()).isNaN();
    }

    @Test
    void aStreamCountsItsEventsAndIsTimedToTheFirst() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.streamed(7_000_000, 12);
        recorder.streamed(-1, 0);
        LatencyRecorder.Summary summary = recorder.summary(1);
        assertThat(summary.streams()).isEqualTo(2);
        assertThat(summary.events()).isEqualTo(12);
        assertThat(summary.p99Millis()).isEqualTo(7);
    }
}
