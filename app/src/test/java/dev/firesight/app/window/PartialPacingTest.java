package dev.firesight.app.window;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartialPacingTest {
    private static final long MS = 1_000_000L;

    /** A load that made one partial at 20% after 1 s, whose flame graph took 0.5 s to compute. */
    private static PartialPacing afterOnePartial() {
        PartialPacing pacing = shownAt(0.2);
        pacing.computed(1500 * MS);
        return pacing;
    }

    /** A load whose first partial, at {@code fraction} of the recording, was made and shown after 1 s. */
    private static PartialPacing shownAt(double fraction) {
        PartialPacing pacing = new PartialPacing();
        pacing.start(0, true);
        pacing.progress(fraction, 1000 * MS);
        assertTrue(pacing.wanted(1000 * MS));
        pacing.made(fraction, 1000 * MS);
        pacing.shown(1000 * MS);
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
        // 50% in 2.5 s since the last partial: the remaining 30% take 1.5 s, more than twice the 0.5 s query.
        pacing.progress(0.7, 3500 * MS);
        assertTrue(pacing.wanted(3500 * MS));

        pacing = afterOnePartial();
        // 75% in 2.5 s: the last 5% take 0.17 s, less than twice the 0.5 s query.
        pacing.progress(0.95, 3500 * MS);
        assertFalse(pacing.wanted(3500 * MS));
        pacing.progress(0.99, 3700 * MS);
        assertFalse(pacing.wanted(3700 * MS));
    }

    @Test
    void withItsTimelineComputedTheNextPartialWaitsTwiceThePartialsWholeWork() {
        // Shown at 1 s, its query computed at 1.5 s, its timeline at 2.2 s: the partial's work took 1.2 s.
        PartialPacing pacing = afterOnePartial();
        pacing.settled(2200 * MS);
        pacing.progress(0.6, 4500 * MS);
        assertFalse(pacing.wanted(4500 * MS), "twice the 1.2 s of work after the timeline is 4.6 s");
        pacing.progress(0.62, 4600 * MS);
        assertTrue(pacing.wanted(4600 * MS));

        // The timeline first, then the query: the same wait.
        pacing = shownAt(0.2);
        pacing.settled(2200 * MS);
        assertFalse(pacing.wanted(5000 * MS), "the last partial's flame graph is not computed yet");
        pacing.computed(2300 * MS);
        pacing.progress(0.6, 4800 * MS);
        assertFalse(pacing.wanted(4800 * MS), "twice the 1.3 s of work after the query is 4.9 s");
        pacing.progress(0.62, 4900 * MS);
        assertTrue(pacing.wanted(4900 * MS));

        // A quick timeline: twice the whole 0.6 s of work, sooner than four times the query alone.
        pacing = afterOnePartial();
        pacing.settled(1600 * MS);
        pacing.progress(0.6, 2700 * MS);
        assertFalse(pacing.wanted(2700 * MS));
        pacing.progress(0.62, 2800 * MS);
        assertTrue(pacing.wanted(2800 * MS));
    }

    @Test
    void theNextPartialWaitsUntilTwiceAsMuchWasRead() {
        PartialPacing pacing = afterOnePartial();
        pacing.progress(0.39, 9000 * MS);
        assertFalse(pacing.wanted(9000 * MS), "39% read, not yet twice the 20% of the last partial");
        pacing.progress(0.4, 9100 * MS);
        assertTrue(pacing.wanted(9100 * MS));

        // The 228 MiB async-profiler file: its first partial at 54% (its pools, read ahead), then no other.
        pacing = shownAt(0.54);
        pacing.computed(1400 * MS);
        pacing.progress(0.57, 4000 * MS);
        assertFalse(pacing.wanted(4000 * MS), "a partial at 57% would cost about as much as the complete profile");
    }
}
