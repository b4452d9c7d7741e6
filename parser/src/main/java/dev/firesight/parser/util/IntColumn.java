package dev.firesight.parser.util;

import java.util.Arrays;

/**
 * An append-only int column stored in fixed blocks, so growing it never copies what is there and
 * peak memory stays at the data's own size.
 */
public final class IntColumn {
    private static final int SHIFT = 16;
    private static final int BLOCK = 1 << SHIFT;
    private static final int MASK = BLOCK - 1;

    private int[][] blocks = new int[4][];
    private int size;

    public void add(int value) {
        int b = size >>> SHIFT;
        if (b == blocks.length) {
            blocks = Arrays.copyOf(blocks, b * 2);
        }
        int[] block = blocks[b];
        if (block == null) {
            block = blocks[b] = new int[BLOCK];
        }
        block[size & MASK] = value;
        size++;
    }

    public int get(int index) {
        return blocks[index >>> SHIFT][index & MASK];
    }

    public void set(int index, int value) {
        blocks[index >>> SHIFT][index & MASK] = value;
    }

    public int size() {
        return size;
    }

    /** Drops everything from {@code newSize} on, and gives back the blocks no longer used. */
    public void truncate(int newSize) {
        if (newSize < size) {
            size = newSize;
            for (int b = (newSize + MASK) >>> SHIFT; b < blocks.length; b++) {
                blocks[b] = null;
            }
        }
    }

    public long bytes() {
        long n = 0;
        for (int[] block : blocks) {
            n += block == null ? 0 : block.length * 4L;
        }
        return n;
    }
}
