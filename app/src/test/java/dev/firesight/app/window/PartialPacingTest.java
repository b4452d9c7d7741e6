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

    /** Whether a partial is wanted once reading has got to {@code fraction} at {@code ms}. */
    private static boolean wantedAt(PartialPacing pacing, double fraction, long ms) {
        pacing.progress(fraction, ms * MS);
        return pacing.wanted(ms * MS);
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
        assertFalse(wantedAt(pacing, 0.9, 400));
        assertTrue(wantedAt(pacing, 0.95, 600));
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
        assertFalse(wantedAt(pacing, 0.3, 5000), "the last partial's flame graph is not computed yet");
        pacing = afterOnePartial();
        assertFalse(wantedAt(pacing, 0.6, 3400), "4 × the 0.5 s query after it was computed is 3.5 s");
        assertTrue(wantedAt(pacing, 0.62, 3500));
    }

    @Test
    void aPartialOnlyWhenReadingHasLongerToGoThanTwiceTheLastQuery() {
        PartialPacing pacing = afterOnePartial();
        // 50% in 2.5 s since the last partial: the remaining 30% take 1.5 s, more than twice the 0.5 s query.
        assertTrue(wantedAt(pacing, 0.7, 3500));

        pacing = afterOnePartial();
        // 75% in 2.5 s: the last 5% take 0.17 s, less than twice the 0.5 s query.
        assertFalse(wantedAt(pacing, 0.95, 3500));
        assertFalse(wantedAt(pacing, 0.99, 3700));
    }

    @Test
    void withItsTimelineComputedTheNextPartialWaitsTwiceThePartialsWholeWork() {
        // Shown at 1 s, its query computed at 1.5 s, its timeline at 2.2 s: the partial's work took 1.2 s.
        PartialPacing pacing = afterOnePartial();
        pacing.settled(2200 * MS);
        assertFalse(wantedAt(pacing, 0.6, 4500), "twice the 1.2 s of work after the timeline is 4.6 s");
        assertTrue(wantedAt(pacing, 0.62, 4600));

        // The timeline first, then the query: the same wait.
        pacing = shownAt(0.2);
        pacing.settled(2200 * MS);
        assertFalse(pacing.wanted(5000 * MS), "the last partial's flame graph is not computed yet");
        pacing.computed(2300 * MS);
        assertFalse(wantedAt(pacing, 0.6, 4800), "twice the 1.3 s of work after the query is 4.9 s");
        assertTrue(wantedAt(pacing, 0.62, 4900));

        // A quick timeline: twice the whole 0.6 s of work, sooner than four times the query alone.
        pacing = afterOnePartial();
        pacing.settled(1600 * MS);
        assertFalse(wantedAt(pacing, 0.6, 2700));
        assertTrue(wantedAt(pacing, 0.62, 2800));
    }

    @Test
    void theNextPartialWaitsUntilTwiceAsMuchWasRead() {
        PartialPacing pacing = afterOnePartial();
        assertFalse(wantedAt(pacing, 0.39, 9000), "39% read, not yet twice the 20% of the last partial");
        assertTrue(wantedAt(pacing, 0.4, 9100));

        // The 228 MiB async-profiler file: its first partial at 54% (its pools, read ahead), then no other.
        pacing = shownAt(0.54);
        pacing.computed(1400 * MS);
        assertFalse(wantedAt(pacing, 0.57, 4000), "a partial at 57% would cost about as much as the complete profile");
    }
}
