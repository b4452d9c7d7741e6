package dev.firesight.app.flame;

/**
 * What a search matched: the weight of every stack with a matching frame (nested matches counted
 * once), that weight's share of the tree total, and how many frames matched.
 */
public record SearchResult(long matchedTotal, double percent, int matchingFrames) {
    public static final SearchResult NONE = new SearchResult(0, 0, 0);

    public boolean isEmpty() {
        return matchingFrames == 0;
    }
}
