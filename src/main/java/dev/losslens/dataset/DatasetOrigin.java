package dev.losslens.dataset;

import dev.losslens.notation.Keyed;

/** Where a dataset comes from: bundled with the app, or uploaded by an instructor. */
public enum DatasetOrigin implements Keyed {
    BUNDLED,
    UPLOADED
}
