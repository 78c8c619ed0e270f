package dev.losslens.model;

import java.util.List;

/**
 * The model's reading of one sequence. Index t holds −log p(token t | tokens &lt; t) and the top candidates for
 * slot t; index 0 is NaN with no candidates, because nothing predicts the first token.
 */
public record TokenScores(double[] nll, List<List<Prediction>> top) {

    /** The same reading with at most {@code k} candidates per slot (they are held most likely first). */
    public TokenScores limitedTo(int k) {
        return new TokenScores(nll, top.stream().map(slot -> slot.subList(0, Math.min(k, slot.size()))).toList());
    }
}
