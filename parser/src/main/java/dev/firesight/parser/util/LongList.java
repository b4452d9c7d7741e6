package dev.firesight.parser.util;

import java.util.Arrays;

/** A growable list of primitive longs. */
public final class LongList {
    private long[] data;
    private int size;

    public LongList() {
        data = new long[16];
    }

    public void add(long value) {
        if (size == data.length) {
            data = Arrays.copyOf(data, IntList.grow(data.length));
        }
        data[size++] = value;
    }

    public long get(int index) {
        return data[index];
    }

    public void set(int index, long value) {
        data[index] = value;
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    public long[] toArray() {
        return Arrays.copyOf(data, size);
    }
}
