package dev.firesight.parser.util;

/**
 * Exact sums of squared sample weights as unsigned 128-bit numbers in two longs (low, high). A byte or
 * nanosecond weight squared overflows a long after a few samples, and a double sum depends on the order of
 * its terms; these sums are the same whether samples are added one by one or a bucket's sum at a time.
 */
public final class UInt128 {
    private UInt128() {
    }

    /** Adds (addLow, addHigh) to the number at {@code k} of the two arrays. */
    public static void add(long[] low, long[] high, int k, long addLow, long addHigh) {
        long sum = low[k] + addLow;
        high[k] += addHigh + carry(low[k], sum);
        low[k] = sum;
    }

    /** 1 when adding to the unsigned {@code before} wrapped around to {@code after}, else 0. */
    public static long carry(long before, long after) {
        return Long.compareUnsigned(after, before) < 0 ? 1 : 0;
    }

    /** The high half of {@code w * w} (the low half is {@code w * w} itself). */
    public static long squareHigh(long w) {
        return Math.multiplyHigh(w, w);
    }

    /** The number as a double, rounded the same way for the same number. */
    public static double toDouble(long low, long high) {
        double lowPart = (double) (low >>> 1) * 2.0 + (low & 1);
        return high * 0x1p64 + lowPart;
    }
}
