package dev.losslens.model;

import java.util.List;

/**
 * The model's reading of one sequence. Index t holds −log p(token t | tokens &lt; t) and the top candidates for
 * slot t; index 0 is NaN with no candidates, because nothing predicts the first token.
 */
public record TokenScores(double[] nll, List<List<Prediction>> top) {
}
