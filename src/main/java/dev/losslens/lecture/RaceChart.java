package dev.losslens.lecture;

import dev.losslens.notation.Keyed;

/**
 * A chart a race step can draw, from the run's stored points; the deck names them by key, and the bundle's
 * {@code page.race.<key>.title}, {@code .hint} and {@code .description} word them.
 */
public enum RaceChart implements Keyed {
    RESPONSE_NLL("responseNll", "loss"),
    DRIFT("drift", "");

    private final String metric;
    private final String unit;

    RaceChart(String metric, String unit) {
        this.metric = metric;
        this.unit = unit;
    }

    /** The stored point's property the chart draws. */
    public String metric() {
        return metric;
    }

    /** The chart fragment's kind: "loss" for a log-scalable loss, "" for a plain quantity. */
    public String unit() {
        return unit;
    }
}
