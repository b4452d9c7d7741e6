package dev.firesight.parser.util;

import java.util.Arrays;

/**
 * Interns int sequences (stacks of frame ids) into one shared pool, so that each distinct sequence is
 * stored once and named by a dense int id. The pool is a list of fixed blocks that a sequence never
 * straddles, so growing it never copies (the pool is most of a profile's heap, and a doubling copy
 * would need half as much again at the worst moment). A sequence's offset holds its block in the high
 * bits and its start in the low {@link #BLOCK_SHIFT} bits; one longer than a block gets a block of its own.
 */
public final class IntSequenceInterner {
    public static final int BLOCK_SHIFT = 20;
    private static final int BLOCK = 1 << BLOCK_SHIFT;
    private static final int MASK = BLOCK - 1;

    private int[][] blocks = new int[4][];
    private int blockCount;
    private int blockFill = BLOCK;
    private int[] offsets = new int[256];
    private int[] lengths = new int[256];
    private int count;
    private int[] table = new int[1024];
    private int mask = 1023;

    public IntSequenceInterner() {
        Arrays.fill(table, -1);
    }

    /** Returns the id of {@code seq[0..length)}, adding it when new. */
    public int intern(int[] seq, int length) {
        int h = hash(seq, length);
        int slot = h & mask;
        for (int id; (id = table[slot]) >= 0; slot = (slot + 1) & mask) {
            if (lengths[id] == length && equalsAt(id, seq, length)) {
                return id;
            }
        }
        int id = add(seq, length);
        table[slot] = id;
        if (count * 2 > table.length) {
            rehash();
        }
        return id;
    }

    private boolean equalsAt(int id, int[] seq, int length) {
        int[] block = blocks[offsets[id] >>> BLOCK_SHIFT];
        int base = offsets[id] & MASK;
        for (int i = 0; i < length; i++) {
            if (block[base + i] != seq[i]) {
                return false;
            }
        }
        return true;
    }

    private int add(int[] seq, int length) {
        if (blockCount == 0 || blockFill == BLOCK || blockFill + length > BLOCK) {
            if (blockCount == blocks.length) {
                blocks = Arrays.copyOf(blocks, blockCount * 2);
            }
            if (blockCount > (Integer.MAX_VALUE >>> BLOCK_SHIFT)) {
                throw new OutOfMemoryError("stack pool too large");
            }
            blocks[blockCount++] = new int[Math.max(BLOCK, length)];
            blockFill = 0;
        }
        int block = blockCount - 1;
        System.arraycopy(seq, 0, blocks[block], blockFill, length);
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, IntList.grow(count));
            lengths = Arrays.copyOf(lengths, offsets.length);
        }
        offsets[count] = (block << BLOCK_SHIFT) | blockFill;
        lengths[count] = length;
        // A block of its own is full at once, so the next sequence starts a new one.
        blockFill = length > BLOCK ? BLOCK : blockFill + length;
        return count++;
    }

    private void rehash() {
        table = new int[table.length * 2];
        mask = table.length - 1;
        Arrays.fill(table, -1);
        for (int id = 0; id < count; id++) {
            int slot = hash(blocks[offsets[id] >>> BLOCK_SHIFT], offsets[id] & MASK, lengths[id]) & mask;
            while (table[slot] >= 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = id;
        }
    }

    private static int hash(int[] seq, int length) {
        return hash(seq, 0, length);
    }

    private static int hash(int[] seq, int from, int length) {
        int h = length;
        for (int i = from, end = from + length; i < end; i++) {
            h = h * 0x01000193 ^ seq[i];
        }
        return h ^ (h >>> 16);
    }

    public int size() {
        return count;
    }

    /** Approximate heap bytes held: the pool's blocks, the offsets and lengths, and the hash table. */
    public long bytes() {
        long n = 0;
        for (int b = 0; b < blockCount; b++) {
            n += 4L * blocks[b].length;
        }
        return n + 4L * (offsets.length + lengths.length + table.length);
    }

    public int length(int id) {
        return lengths[id];
    }

    /** The pool's blocks, the last one cut to what it holds; see {@link #trimmedOffsets()} for where. */
    public int[][] trimmedBlocks() {
        int[][] out = Arrays.copyOf(blocks, blockCount);
        if (blockCount > 0 && out[blockCount - 1].length == BLOCK && blockFill < BLOCK) {
            out[blockCount - 1] = Arrays.copyOf(out[blockCount - 1], blockFill);
        }
        return out;
    }

    public int[] trimmedOffsets() {
        return Arrays.copyOf(offsets, count);
    }

    public int[] trimmedLengths() {
        return Arrays.copyOf(lengths, count);
    }
}
