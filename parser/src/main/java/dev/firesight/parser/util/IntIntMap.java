package dev.firesight.parser.util;

/**
 * Map from non-negative ints to ints, open addressing in pages ({@link IntPages} says why pages). For keys
 * that are a small part of a large id space: the prefix nodes that whole stacks end at, 552 thousand of a deep
 * recording's 3.85 million nodes, where an int per node took twice the heap.
 */
public final class IntIntMap {
    public static final int MISSING = Integer.MIN_VALUE;
    private static final int EMPTY = -1;

    private IntPages keys;
    private IntPages values;
    private int mask;
    private int size;

    public IntIntMap() {
        allocate(1024);
    }

    private void allocate(int slots) {
        keys = new IntPages(slots, EMPTY);
        values = new IntPages(slots, 0);
        mask = slots - 1;
    }

    /** The value of {@code key}, or {@link #MISSING}. */
    public int get(int key) {
        for (int slot = slot(key); ; slot = (slot + 1) & mask) {
            int k = keys.get(slot);
            if (k == key) {
                return values.get(slot);
            }
            if (k == EMPTY) {
                return MISSING;
            }
        }
    }

    /** Maps {@code key} (0 or more) to {@code value}. */
    public void put(int key, int value) {
        if (key < 0) {
            throw new IllegalArgumentException("negative key " + key);
        }
        int slot = slot(key);
        for (int k; (k = keys.get(slot)) != EMPTY && k != key; slot = (slot + 1) & mask) {
            // probe on
        }
        if (keys.get(slot) == EMPTY) {
            keys.set(slot, key);
            size++;
        }
        values.set(slot, value);
        if (size * 3L > (mask + 1L) * 2L) {
            rehash();
        }
    }

    public int size() {
        return size;
    }

    /** Heap bytes of the pages. */
    public long bytes() {
        return keys.bytes() + values.bytes();
    }

    private int slot(int key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void rehash() {
        IntPages oldKeys = keys;
        IntPages oldValues = values;
        int oldSlots = mask + 1;
        allocate(oldSlots * 2);
        size = 0;
        for (int s = 0; s < oldSlots; s++) {
            int k = oldKeys.get(s);
            if (k != EMPTY) {
                put(k, oldValues.get(s));
            }
        }
    }
}
