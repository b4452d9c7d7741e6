package dev.firesight.app.window;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartialPacingTest {
    private static final long MS = 1_000_000L;

    /** A load that made one partial at 50% after 1 s, whose flame graph took 0.5 s to compute. */
    private static PartialPacing afterOnePartial() {
        PartialPacing pacing = new PartialPacing();
        pacing.start(0, true);
        pacing.progress(0.5, 1000 * MS);
        assertTrue(pacing.wanted(1000 * MS));
        pacing.made(0.5, 1000 * MS);
        pacing.shown(1000 * MS);
        pacing.computed(1500 * MS);
        return pacing;
    }

    @Test
    void theFirstPartialComesHalfASecondInWhateverTheProgress() {
        PartialPacing pacing = new PartialPacing();
        pacing.start(0, true);
        // An async-profiler recording's pools, read ahead, count as most of its bytes within the first second.
        pacing.progress(0.9, 400 * MS);
        assertFalse(pacing.wanted(400 * MS));
        pacing.progress(0.95, 600 * MS);
        assertTrue(pacing.wanted(600 * MS));
    }

    @Test
    void noPartialsWhenTheLoadMakesNone() {
        PartialPacing pacing = new PartialPacing();
        pacing.start(0, false);
        assertFalse(pacing.wanted(5000 * MS));
    }

    @Test
    void theNextPartialWaitsForTheLastOnesFlameGraphAndFourTimesItsQuery() {
        PartialPacing pacing = new PartialPacing();
        pacing.start(0, true);
        pacing.made(0.2, 600 * MS);
        pacing.progress(0.3, 5000 * MS);
        assertFalse(pacing.wanted(5000 * MS), "the last partial's flame graph is not computed yet");
        pacing = afterOnePartial();
        pacing.progress(0.6, 3400 * MS);
        assertFalse(pacing.wanted(3400 * MS), "4 × the 0.5 s query after it was computed is 3.5 s");
        pacing.progress(0.62, 3500 * MS);
        assertTrue(pacing.wanted(3500 * MS));
    }

    @Test
    void aPartialOnlyWhenReadingHasLongerToGoThanTwiceTheLastQuery() {
        PartialPacing pacing = afterOnePartial();
        // 20% in 2.5 s since the last partial: the remaining 30% take 3.75 s.
        pacing.progress(0.7, 3500 * MS);
        assertTrue(pacing.wanted(3500 * MS));

        pacing = afterOnePartial();
        // 45% in 2.5 s: the last 5% take 0.28 s, less than twice the 0.5 s query.
        pacing.progress(0.95, 3500 * MS);
        assertFalse(pacing.wanted(3500 * MS));
        pacing.progress(0.99, 3700 * MS);
        assertFalse(pacing.wanted(3700 * MS));
    }
}
