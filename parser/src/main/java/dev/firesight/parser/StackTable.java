package dev.firesight.parser;

/** All distinct stacks of a profile, each a sequence of frame ids from root to leaf. */
public final class StackTable {
    private final int[] pool;
    private final int[] offsets;
    private final int[] lengths;

    public StackTable(int[] pool, int[] offsets, int[] lengths) {
        this.pool = pool;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    public int size() {
        return offsets.length;
    }

    public int depth(int stack) {
        return lengths[stack];
    }

    /** Frame {@code i} of a stack, counting from the root. */
    public int frame(int stack, int i) {
        return pool[offsets[stack] + i];
    }

    public int leaf(int stack) {
        return pool[offsets[stack] + lengths[stack] - 1];
    }

    public int[] frames(int stack) {
        int[] out = new int[lengths[stack]];
        System.arraycopy(pool, offsets[stack], out, 0, out.length);
        return out;
    }
}
