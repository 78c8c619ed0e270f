package dev.losslens.dataset;

import java.util.List;

/**
 * What a dataset holds, before it is stored or after: its id and title, the size of each split, its tokens with the
 * template and how many of them are single bytes, and its first pairs.
 *
 * @param splitSeed the held-out split's seed, when one file was split; null when a second file gave the held-out pairs
 */
public record DatasetPreview(String name, String title, int train, int heldout, int tokens, int bytePieces,
                             Long splitSeed, Double heldoutShare, List<PreviewPair> pairs) {
}
