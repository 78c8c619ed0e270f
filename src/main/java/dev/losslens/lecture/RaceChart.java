package dev.losslens.lecture;

import dev.losslens.notation.Keyed;

/** A chart a race step can draw, from the run's stored points; the deck names them by key. */
public enum RaceChart implements Keyed {
    RESPONSE_NLL("responseNll", "Held-out response NLL per token",
            "Lower is better: every lane is scored on the same held-out response tokens.",
            "held-out response NLL per token", "loss"),
    DRIFT("drift", "Parameter drift ‖θ − θ₀‖ / ‖θ₀‖", "How far each lane has moved from its starting weights.",
            "parameter drift", "");

    private final String metric;
    private final String title;
    private final String hint;
    private final String description;
    private final String unit;

    RaceChart(String metric, String title, String hint, String description, String unit) {
        this.metric = metric;
        this.title = title;
        this.hint = hint;
        this.description = description;
        this.unit = unit;
    }

    /** The stored point's property the chart draws. */
    public String metric() {
        return metric;
    }

    public String title() {
        return title;
    }

    public String hint() {
        return hint;
    }

    public String description() {
        return description;
    }

    /** The chart fragment's kind: "loss" for a log-scalable loss, "" for a plain quantity. */
    public String unit() {
        return unit;
    }
}
