package dev.firesight.parser.util;

import java.util.Arrays;

/**
 * Interns int sequences (stacks of frame ids) into one shared pool, so that each distinct sequence is
 * stored once and named by a dense int id.
 */
public final class IntSequenceInterner {
    private int[] pool = new int[1024];
    private int poolSize;
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
        int base = offsets[id];
        for (int i = 0; i < length; i++) {
            if (pool[base + i] != seq[i]) {
                return false;
            }
        }
        return true;
    }

    private int add(int[] seq, int length) {
        if (poolSize + length > pool.length) {
            pool = Arrays.copyOf(pool, Math.max(poolSize + length, IntList.grow(pool.length)));
        }
        System.arraycopy(seq, 0, pool, poolSize, length);
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, IntList.grow(count));
            lengths = Arrays.copyOf(lengths, offsets.length);
        }
        offsets[count] = poolSize;
        lengths[count] = length;
        poolSize += length;
        return count++;
    }

    private void rehash() {
        table = new int[table.length * 2];
        mask = table.length - 1;
        Arrays.fill(table, -1);
        for (int id = 0; id < count; id++) {
            int slot = hash(pool, offsets[id], lengths[id]) & mask;
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

    /** The shared pool; sequence {@code id} is at {@code [offset(id), offset(id)+length(id))}. */
    public int[] pool() {
        return pool;
    }

    public int offset(int id) {
        return offsets[id];
    }

    public int length(int id) {
        return lengths[id];
    }

    public int[] trimmedPool() {
        return Arrays.copyOf(pool, poolSize);
    }

    public int[] trimmedOffsets() {
        return Arrays.copyOf(offsets, count);
    }

    public int[] trimmedLengths() {
        return Arrays.copyOf(lengths, count);
    }
}
