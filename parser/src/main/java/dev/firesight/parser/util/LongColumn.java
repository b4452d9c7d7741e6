package dev.firesight.parser.util;

/**
 * An append-only long column: two {@link IntColumn}s, the high and the low halves, so it grows in blocks
 * without copying what is there, like its int counterpart.
 */
public final class LongColumn {
    private final IntColumn high = new IntColumn();
    private final IntColumn low = new IntColumn();

    public void add(long value) {
        high.add((int) (value >>> 32));
        low.add((int) value);
    }

    public long get(int index) {
        return ((long) high.get(index) << 32) | (low.get(index) & 0xFFFFFFFFL);
    }

    public void set(int index, long value) {
        high.set(index, (int) (value >>> 32));
        low.set(index, (int) value);
    }

    public int size() {
        return low.size();
    }

    /** Drops everything from {@code newSize} on, and gives back the blocks no longer used. */
    public void truncate(int newSize) {
        high.truncate(newSize);
        low.truncate(newSize);
    }

    public long bytes() {
        return high.bytes() + low.bytes();
    }
}
