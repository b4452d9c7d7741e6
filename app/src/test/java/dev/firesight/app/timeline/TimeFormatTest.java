package dev.firesight.app.timeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimeFormatTest {

    /** A lane's scale is the round value just above its peak, so the peak fills most of the lane. */
    @Test
    void aScaleIsTheRoundValueJustAboveThePeak() {
        assertEquals(6, TimeFormat.niceCeil(5.2), 1e-9, "a peak of 5.2 draws in the lane's top sixth, not its lower half");
        assertEquals(1.5, TimeFormat.niceCeil(1.01), 1e-9);
        assertEquals(1, TimeFormat.niceCeil(0.95), 1e-9);
        assertEquals(10, TimeFormat.niceCeil(8.1), 1e-9);
        assertEquals(300, TimeFormat.niceCeil(250), 1e-9);
        // in the binary unit the value is shown in: 5.2 GiB/s gets 6 GiB/s
        assertEquals(6 * Math.pow(1024, 3), TimeFormat.niceCeilBytes(5.2 * Math.pow(1024, 3)), 1);
    }
}
