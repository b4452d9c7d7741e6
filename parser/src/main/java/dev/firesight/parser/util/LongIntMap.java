package dev.firesight.parser.util;

import java.util.Arrays;

/**
 * Open-addressing map from a pair of longs to an int, without boxing. A single-long key is the pair
 * (key, 0). Used for per-chunk constant-pool ids and for interning.
 */
public final class LongIntMap {
    public static final int MISSING = Integer.MIN_VALUE;

    private long[] keysA;
    private long[] keysB;
    private int[] values;
    private boolean[] used;
    private int size;
    private int mask;

    public LongIntMap() {
        this(16);
    }

    public LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keysA = new long[capacity];
        keysB = new long[capacity];
        values = new int[capacity];
        used = new boolean[capacity];
        mask = capacity - 1;
    }

    public int get(long key) {
        return get(key, 0);
    }

    public int get(long a, long b) {
        int slot = hash(a, b) & mask;
        while (used[slot]) {
            if (keysA[slot] == a && keysB[slot] == b) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return MISSING;
    }

    public void put(long key, int value) {
        put(key, 0, value);
    }

    public void put(long a, long b, int value) {
        int slot = hash(a, b) & mask;
        while (used[slot]) {
            if (keysA[slot] == a && keysB[slot] == b) {
                values[slot] = value;
                return;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        keysA[slot] = a;
        keysB[slot] = b;
        values[slot] = value;
        if (++size * 2 > keysA.length) {
            rehash();
        }
    }

    public int size() {
        return size;
    }

    private void rehash() {
        long[] oldA = keysA;
        long[] oldB = keysB;
        int[] oldValues = values;
        boolean[] oldUsed = used;
        allocate(oldA.length * 2);
        size = 0;
        for (int i = 0; i < oldA.length; i++) {
            if (oldUsed[i]) {
                put(oldA[i], oldB[i], oldValues[i]);
            }
        }
    }

    /** An entry of the map, see {@link #forEach}. */
    @FunctionalInterface
    public interface EntryConsumer {
        void accept(long a, long b, int value);
    }

    /** Calls {@code consumer} for every entry, in no particular order. */
    public void forEach(EntryConsumer consumer) {
        for (int i = 0; i < keysA.length; i++) {
            if (used[i]) {
                consumer.accept(keysA[i], keysB[i], values[i]);
            }
        }
    }

    public void clear() {
        Arrays.fill(used, false);
        size = 0;
    }

    private static int hash(long a, long b) {
        long h = a * 0x9E3779B97F4A7C15L + b * 0xC2B2AE3D27D4EB4FL;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47));
    }
}
