package dev.firesight.parser.util;

import java.util.Arrays;

/**
 * Map from constant-pool ids (a pair of longs, the second 0 for a plain id) to non-negative ints, for
 * the per-chunk maps that hold an entry per stack trace. Producers number stack traces densely from 1
 * (async-profiler: 660,869 stacks with ids up to 983,040 in a 238 MB recording), so a plain id that is
 * small next to the number of entries is kept in an array indexed by the id: 4 bytes an id instead of
 * the 21 bytes and more a hash slot takes at half load, which is what decided whether such a recording
 * opens in a 256 MB heap. Other keys go to a {@link LongIntMap}. A key lives in exactly one of the two:
 * in the array when it is a plain id below the array's length, else in the map.
 */
public final class IdIntMap {
    public static final int MISSING = LongIntMap.MISSING;
    /** The array may cover this many ids more than four per entry, so a small map starts dense. */
    private static final int SLACK = 4096;

    /** Value + 1 per plain id below its length; 0 where there is none. */
    private int[] dense = new int[0];
    private int denseSize;
    private LongIntMap sparse = new LongIntMap(16);

    public int get(long id) {
        return get(id, 0);
    }

    public int get(long a, long b) {
        if (b == 0 && a >= 0 && a < dense.length) {
            int stored = dense[(int) a];
            return stored == 0 ? MISSING : stored - 1;
        }
        return sparse.size() == 0 ? MISSING : sparse.get(a, b);
    }

    public void put(long id, int value) {
        put(id, 0, value);
    }

    /** Maps a key to {@code value}, which must be 0 or more. */
    public void put(long a, long b, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("negative value " + value);
        }
        if (b == 0 && a >= dense.length && a < 4L * (size() + 1) + SLACK) {
            grow((int) a);
        }
        if (b == 0 && a >= 0 && a < dense.length) {
            if (dense[(int) a] == 0) {
                denseSize++;
            }
            dense[(int) a] = value + 1;
        } else {
            sparse.put(a, b, value);
        }
    }

    public int size() {
        return denseSize + sparse.size();
    }

    /**
     * The keys of values {@code from} up to {@code to} (exclusive), for a map that numbers its keys (values 0, 1,
     * 2 ... in the order they were put): {@code [0][v - from]} and {@code [1][v - from]} are value v's key. Such a
     * map holds its keys once already, so the numbering needs no list of them beside it: for a chunk's 552
     * thousand stack keys, that list took 16 MB of the heap while the chunk was read. Each call looks at every
     * entry, so ask for a few large ranges, not one key at a time.
     */
    public long[][] keys(int from, int to) {
        long[][] keys = new long[2][Math.max(0, to - from)];
        for (int id = 0; id < dense.length; id++) {
            int value = dense[id] - 1;
            if (value >= from && value < to) {
                keys[0][value - from] = id;
            }
        }
        sparse.forEach((a, b, value) -> {
            if (value >= from && value < to) {
                keys[0][value - from] = a;
                keys[1][value - from] = b;
            }
        });
        return keys;
    }

    /** Makes the array cover {@code id}, and moves the plain ids it now covers out of the map. */
    private void grow(int id) {
        int length = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(id + 1L, Math.max(SLACK, 2L * dense.length)));
        dense = Arrays.copyOf(dense, length);
        if (sparse.size() == 0) {
            return;
        }
        LongIntMap rest = new LongIntMap(16);
        sparse.forEach((a, b, value) -> {
            if (b == 0 && a >= 0 && a < dense.length) {
                dense[(int) a] = value + 1;
                denseSize++;
            } else {
                rest.put(a, b, value);
            }
        });
        sparse = rest;
    }
}
