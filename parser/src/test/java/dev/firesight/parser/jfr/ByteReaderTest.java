package dev.firesight.parser.jfr;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ByteReaderTest {

    /**
     * Skipping varints, which the stack pool's index does eight bytes at a time, must land exactly where
     * reading them does: for bytes of any kind (small values, nine-byte ones whose last byte has its high
     * bit set, runs that straddle words) and any count, from any start.
     */
    @Test
    void skippingVarintsLandsWhereReadingThemDoes() {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            byte[] bytes = new byte[8 + random.nextInt(200)];
            int kind = round % 4;
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) switch (kind) {
                    case 0 -> random.nextInt(256); // anything
                    case 1 -> random.nextInt(8) == 0 ? random.nextInt(128) : 128 + random.nextInt(128); // long runs
                    case 2 -> random.nextInt(128); // one-byte values
                    default -> random.nextInt(3) == 0 ? random.nextInt(128) : 128 + random.nextInt(128);
                };
            }
            int start = random.nextInt(8);
            ByteReader reading = new ByteReader(ByteBuffer.wrap(bytes));
            reading.pos = start;
            int n = 0;
            int[] after = new int[bytes.length + 1];
            try {
                while (n < after.length - 1) {
                    reading.varlong();
                    after[++n] = reading.pos;
                }
            } catch (IndexOutOfBoundsException endOfBytes) {
                // n varints fit
            }
            for (int count = 0; count <= n; count++) {
                ByteReader skipping = new ByteReader(ByteBuffer.wrap(bytes));
                skipping.pos = start;
                skipping.skipVarints(count);
                assertEquals(count == 0 ? start : after[count], skipping.pos, "round " + round + ", " + count + " varints");
            }
            ByteReader past = new ByteReader(ByteBuffer.wrap(bytes));
            past.pos = start;
            long tooMany = n + 1L;
            assertThrows(IndexOutOfBoundsException.class, () -> past.skipVarints(tooMany), "round " + round);
        }
    }
}
