package dev.firesight.parser.query;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * The growable node arrays that call trees and diff trees are built in: a name and an int payload per
 * node, its parent and depth, any number of weight columns, and a (parent, name) index so inserting a
 * stack costs one lookup per frame. Node 0 is the root.
 */
final class TreeNodes {
    static final int ROOT = 0;
    static final int NONE = -1;

    int size = 1;
    int[] names;
    int[] payloads;
    int[] parents;
    int[] depths;
    /** Weight columns; the arrays are replaced as the table grows, so never keep a reference to one. */
    final long[][] columns;
    /** Columns of doubles (sums of squared weights), replaced as the table grows like {@link #columns}. */
    final double[][] doubleColumns;
    /**
     * The (parent, name) index as open addressing over one long array of [key + 1, node] pairs, so a
     * probe touches one cache line; trees of a million nodes made a general map the bottleneck.
     */
    private long[] index;
    private int indexMask;

    TreeNodes(int capacity, int columnCount) {
        this(capacity, columnCount, 0);
    }

    TreeNodes(int capacity, int columnCount, int doubleColumnCount) {
        capacity = Math.max(16, capacity);
        names = new int[capacity];
        payloads = new int[capacity];
        parents = new int[capacity];
        depths = new int[capacity];
        columns = new long[columnCount][capacity];
        doubleColumns = new double[doubleColumnCount][capacity];
        int slots = Integer.highestOneBit(Math.max(16, capacity) * 2 - 1) << 1;
        index = new long[slots * 2];
        indexMask = slots - 1;
        names[ROOT] = Integer.MIN_VALUE;
        payloads[ROOT] = -1;
        parents[ROOT] = NONE;
    }

    /** The child of {@code parent} called {@code name}, created with {@code payload} when new. */
    int child(int parent, int name, int payload) {
        long key = key(parent, name);
        int slot = slot(key);
        for (long k; (k = index[2 * slot]) != 0; slot = (slot + 1) & indexMask) {
            if (k == key) {
                return (int) index[2 * slot + 1];
            }
        }
        int c = append(parent, name, payload);
        index[2 * slot] = key;
        index[2 * slot + 1] = c;
        if (size * 2 > indexMask) {
            rehash();
        }
        return c;
    }

    /**
     * A new node under {@code parent}, not indexed by name: for a builder that finds children its own way and
     * never calls {@link #child}, {@link #node} or {@link #link}.
     */
    int append(int parent, int name, int payload) {
        if (size == names.length) {
            int n = size * 2;
            names = Arrays.copyOf(names, n);
            payloads = Arrays.copyOf(payloads, n);
            parents = Arrays.copyOf(parents, n);
            depths = Arrays.copyOf(depths, n);
            for (int k = 0; k < columns.length; k++) {
                columns[k] = Arrays.copyOf(columns[k], n);
            }
            for (int k = 0; k < doubleColumns.length; k++) {
                doubleColumns[k] = Arrays.copyOf(doubleColumns[k], n);
            }
        }
        int c = size++;
        names[c] = name;
        payloads[c] = payload;
        parents[c] = parent;
        depths[c] = depths[parent] + 1;
        return c;
    }

    int node(int parent, int name) {
        long key = key(parent, name);
        for (int slot = slot(key); index[2 * slot] != 0; slot = (slot + 1) & indexMask) {
            if (index[2 * slot] == key) {
                return (int) index[2 * slot + 1];
            }
        }
        return NONE;
    }

    /** Never 0, which marks an empty slot. */
    private static long key(int parent, int name) {
        return (((long) parent << 32) | (name & 0xFFFFFFFFL)) + 1;
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & indexMask;
    }

    private void rehash() {
        long[] old = index;
        index = new long[old.length * 2];
        indexMask = index.length / 2 - 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                int slot = slot(old[i]);
                while (index[2 * slot] != 0) {
                    slot = (slot + 1) & indexMask;
                }
                index[2 * slot] = old[i];
                index[2 * slot + 1] = old[i + 1];
            }
        }
    }

    /**
     * Links each node's children in the order of {@code rank} (a name's position in the wanted order;
     * ranks of distinct names must differ and be non-negative), returning {firstChild, nextSibling}.
     */
    int[][] link(IntUnaryOperator rank, IntUnaryOperator nameOfRank) {
        long[] keys = new long[size - 1];
        for (int i = 1; i < size; i++) {
            keys[i - 1] = ((long) parents[i] << 32) | rank.applyAsInt(names[i]);
        }
        Arrays.sort(keys);
        int[] first = new int[size];
        int[] next = new int[size];
        Arrays.fill(first, NONE);
        Arrays.fill(next, NONE);
        for (int i = keys.length - 1; i >= 0; i--) {
            int parent = (int) (keys[i] >>> 32);
            int c = node(parent, nameOfRank.applyAsInt((int) keys[i]));
            next[c] = first[parent];
            first[parent] = c;
        }
        return new int[][] {first, next};
    }

    int[] trimmed(int[] a) {
        return Arrays.copyOf(a, size);
    }

    long[] trimmed(long[] a) {
        return Arrays.copyOf(a, size);
    }

    double[] trimmed(double[] a) {
        return Arrays.copyOf(a, size);
    }
}
