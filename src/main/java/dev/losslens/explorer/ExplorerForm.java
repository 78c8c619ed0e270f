package dev.losslens.explorer;

/**
 * What the explorer shows; every field is a query parameter, so a copied URL reproduces the view.
 *
 * @param compare a second checkpoint to read the same pair with, or null
 */
record ExplorerForm(String dataset, String split, Integer pair, String prompt, String response, double promptWeight,
                    String checkpoint, String compare) {
}
