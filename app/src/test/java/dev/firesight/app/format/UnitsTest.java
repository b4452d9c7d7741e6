package dev.firesight.app.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.firesight.parser.Wording;
import org.junit.jupiter.api.Test;

/**
 * Sizes use one convention everywhere, binary units labelled as such (1 KiB = 1,024 bytes), and never read
 * "1024 KiB": a value that rounds up to the next unit is shown in it.
 */
class UnitsTest {

    @Test
    void sizesCarryIntoTheNextUnit() {
        assertEquals("1023 B", Units.bytes(1023));
        assertEquals("1.0 KiB", Units.bytes(1024));
        assertEquals("1023 KiB", Units.bytes(1023 * 1024));
        assertEquals("1.0 MiB", Units.bytes(1024 * 1024 - 1));
        assertEquals("1.0 MiB", Units.bytes(1023.9 * 1024));
        assertEquals("100 MiB", Units.bytes(99.97 * 1024 * 1024));
        assertEquals("99.9 MiB", Units.bytes(99.9 * 1024 * 1024));
        assertEquals("5.9 GiB", Units.bytes(5.9 * (1L << 30)));
    }

    @Test
    void theParsersSentencesSaySizesTheSameWay() {
        for (double bytes : new double[] {0, 1023, 1024, 1023.9 * 1024, 99.97 * (1 << 20), 3L << 30, 1e15}) {
            assertEquals(Units.bytes(bytes), Wording.bytes(bytes));
        }
        assertEquals("1.0 MiB", Wording.bytes(1023.9 * 1024), "not 1024 KiB");
    }
}
