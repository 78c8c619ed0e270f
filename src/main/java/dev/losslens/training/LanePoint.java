package dev.losslens.training;

/** A metric point and the lane it belongs to. */
record LanePoint(int lane, MetricPoint point) {
}
