package dev.losslens.comparison;

/** A queued run's dataset was deleted before a trainer claimed it: the run fails, saying so, and trains nothing. */
public final class DatasetGoneException extends RuntimeException {

    private final String dataset;

    DatasetGoneException(String dataset) {
        super("dataset " + dataset + " was deleted");
        this.dataset = dataset;
    }

    public String dataset() {
        return dataset;
    }
}
