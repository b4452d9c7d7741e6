package dev.firesight.app.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Sizes never read "1024 KB": a value that rounds up to the next unit is shown in it. */
class UnitsTest {

    @Test
    void sizesCarryIntoTheNextUnit() {
        assertEquals("1023 B", Units.bytes(1023));
        assertEquals("1.0 KB", Units.bytes(1024));
        assertEquals("1023 KB", Units.bytes(1023 * 1024));
        assertEquals("1.0 MB", Units.bytes(1024 * 1024 - 1));
        assertEquals("1.0 MB", Units.bytes(1023.9 * 1024));
        assertEquals("100 MB", Units.bytes(99.97 * 1024 * 1024));
        assertEquals("99.9 MB", Units.bytes(99.9 * 1024 * 1024));
    }
}
