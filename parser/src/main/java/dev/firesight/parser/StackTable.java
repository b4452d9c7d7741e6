package dev.firesight.parser;

/**
 * All distinct stacks of a profile, each a sequence of frame ids from root to leaf. The frames sit in
 * blocks; a stack's offset holds its block in the bits above {@code blockShift} and its start below.
 */
public final class StackTable {
    private final int[][] blocks;
    private final int shift;
    private final int mask;
    private final int[] offsets;
    private final int[] lengths;

    public StackTable(int[] pool, int[] offsets, int[] lengths) {
        this(new int[][] {pool}, 31, offsets, lengths);
    }

    public StackTable(int[][] blocks, int blockShift, int[] offsets, int[] lengths) {
        this.blocks = blocks;
        this.shift = blockShift;
        this.mask = (int) ((1L << blockShift) - 1);
        this.offsets = offsets;
        this.lengths = lengths;
    }

    public int size() {
        return offsets.length;
    }

    /** Approximate heap bytes held. */
    public long bytes() {
        long n = 4L * (offsets.length + lengths.length);
        for (int[] block : blocks) {
            n += 4L * block.length;
        }
        return n;
    }

    public int depth(int stack) {
        return lengths[stack];
    }

    /** Frame {@code i} of a stack, counting from the root. */
    public int frame(int stack, int i) {
        int offset = offsets[stack];
        return blocks[offset >>> shift][(offset & mask) + i];
    }

    public int leaf(int stack) {
        return frame(stack, lengths[stack] - 1);
    }

    public int[] frames(int stack) {
        int offset = offsets[stack];
        int[] out = new int[lengths[stack]];
        System.arraycopy(blocks[offset >>> shift], offset & mask, out, 0, out.length);
        return out;
    }
}
