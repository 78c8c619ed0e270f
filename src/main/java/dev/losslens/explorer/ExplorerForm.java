package dev.losslens.explorer;

/** What the explorer shows; every field is a query parameter, so a copied URL reproduces the view. */
record ExplorerForm(String dataset, String split, Integer pair, String prompt, String response, double promptWeight,
                    String checkpoint) {
}
