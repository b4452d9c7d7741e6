package dev.firesight.parser;

/**
 * All distinct frames of a profile. A frame is a name plus its kind, line and detail (the native
 * library, for native frames); names are interned, so equal names share one id.
 */
public final class FrameTable {
    private final String[] names;
    private final int[] nameIds;
    private final byte[] kinds;
    private final int[] lines;
    private final int[] details;

    public FrameTable(String[] names, int[] nameIds, byte[] kinds, int[] lines, int[] details) {
        this.names = names;
        this.nameIds = nameIds;
        this.kinds = kinds;
        this.lines = lines;
        this.details = details;
    }

    public int size() {
        return nameIds.length;
    }

    /** The interned name id of a frame; frames with the same name share it. */
    public int nameId(int frame) {
        return nameIds[frame];
    }

    public String name(int frame) {
        return names[nameIds[frame]];
    }

    public FrameKind kind(int frame) {
        return FrameKind.values()[kinds[frame]];
    }

    /** The source line, or 0 when unknown. */
    public int line(int frame) {
        return lines[frame];
    }

    /** The native library or other detail, or null. */
    public String detail(int frame) {
        int d = details[frame];
        return d < 0 ? null : names[d];
    }

    /** The number of distinct names (method, class and thread names together). */
    public int nameCount() {
        return names.length;
    }

    public String nameOf(int nameId) {
        return names[nameId];
    }

    private volatile int[] ranks;
    private volatile int[] byRank;

    /** Each name's position in alphabetical order, for stable, cheap sorting of call-tree children. */
    public int[] nameRanks() {
        if (ranks == null) {
            computeRanks();
        }
        return ranks;
    }

    /** Name ids in alphabetical order; the inverse of {@link #nameRanks()}. */
    public int[] namesByRank() {
        if (byRank == null) {
            computeRanks();
        }
        return byRank;
    }

    private synchronized void computeRanks() {
        if (byRank != null) {
            return;
        }
        Integer[] order = new Integer[names.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> names[a].compareTo(names[b]));
        int[] r = new int[names.length];
        int[] inverse = new int[names.length];
        for (int i = 0; i < order.length; i++) {
            r[order[i]] = i;
            inverse[i] = order[i];
        }
        ranks = r;
        byRank = inverse;
    }
}
