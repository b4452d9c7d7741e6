package dev.firesight.parser.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.util.UInt128;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic under bucketed samples, where real recordings rarely reach: sums of squared weights past
 * 2^64 (nanosecond durations of seconds, squared) stay exact through rebucketing, checked against BigInteger.
 */
class SampleRowsTest {
    @Test
    void squaredWeightsPast64BitsStayExactThroughEveryDoubling() {
        SampleRows rows = new SampleRows(0, 1000, true);
        Random random = new Random(7);
        BigInteger[] expected = new BigInteger[4];
        long[] weights = new long[4];
        java.util.Arrays.fill(expected, BigInteger.ZERO);
        for (int i = 0; i < 20_000; i++) {
            int stack = i % 4;
            long w = (1L << 40) + random.nextInt(1 << 20); // ~18 minutes in ns: its square is past 2^80
            rows.add(i * 1_000_000L, 0, stack, w);
            expected[stack] = expected[stack].add(BigInteger.valueOf(w).pow(2));
            weights[stack] += w;
        }
        rows.rebucket(1 << 10);
        for (int width = 1 << 11; width <= 1 << 25; width <<= 1) { // to 33 s: the 20 s are one bucket
            rows.rebucket(width);
        }
        assertEquals(4, rows.size(), "one bucket per stack at the widest");
        for (int i = 0; i < rows.size(); i++) {
            int stack = rows.stack(i);
            BigInteger got = BigInteger.valueOf(rows.squaresHigh(i)).shiftLeft(64)
                    .add(new BigInteger(Long.toUnsignedString(rows.squaresLow(i))));
            assertEquals(expected[stack], got, "stack " + stack);
            assertTrue(rows.squaresHigh(i) > 0, "the sum is past 64 bits");
            assertEquals(weights[stack], rows.weight(i));
            assertEquals(5_000, rows.count(i));
            assertEquals(expected[stack].doubleValue(), UInt128.toDouble(rows.squaresLow(i), rows.squaresHigh(i)),
                    expected[stack].doubleValue() * 1e-15);
        }
        assertEquals(20_000, rows.sampleCount());
    }
}
