package dev.losslens.comparison;

import dev.losslens.training.MetricPoint;

/** A metric point and the lane it belongs to. */
public record LanePoint(int lane, MetricPoint point) {
}
