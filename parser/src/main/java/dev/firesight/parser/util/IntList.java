package dev.firesight.parser.util;

import java.util.Arrays;

/** A growable list of primitive ints, so hot paths avoid boxing. */
public final class IntList {
    private int[] data;
    private int size;

    public IntList() {
        this(16);
    }

    public IntList(int capacity) {
        data = new int[Math.max(4, capacity)];
    }

    public void add(int value) {
        if (size == data.length) {
            data = Arrays.copyOf(data, grow(data.length));
        }
        data[size++] = value;
    }

    public int get(int index) {
        return data[index];
    }

    public void set(int index, int value) {
        data[index] = value;
    }

    public int size() {
        return size;
    }

    public void clear() {
        size = 0;
    }

    public int[] toArray() {
        return Arrays.copyOf(data, size);
    }

    static int grow(int length) {
        int next = length + (length >> 1) + 16;
        if (next < 0 || next > Integer.MAX_VALUE - 16) {
            throw new OutOfMemoryError("list too large");
        }
        return next;
    }
}
