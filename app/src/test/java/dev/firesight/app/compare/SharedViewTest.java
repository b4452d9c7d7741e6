package dev.firesight.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;

/**
 * Which view two recording tabs are compared in: a user compared a tab shown in CPU with one shown in allocations,
 * whose recording had 8 CPU samples, and the comparison opened on those 8 samples.
 */
class SharedViewTest {

    @Test
    void ofTheViewsShownTheOneBothHaveMostSamplesOfIsTaken() throws Exception {
        Profile base = Recordings.open(TestRecordings.jdk17());
        Profile target = Recordings.open(TestRecordings.nativeMemory(17));
        // the premise: both have CPU samples, only the target has native allocations, and few CPU samples
        assertTrue(base.has(ViewKind.CPU) && target.has(ViewKind.CPU) && !base.has(ViewKind.NATIVE_ALLOC));
        assertEquals(ViewKind.CPU, CompareActions.sharedView(base, target, ViewKind.ALLOC, ViewKind.NATIVE_ALLOC),
                "neither view shown is in both recordings: the one they share");

        Profile late = Recordings.open(TestRecordings.lateStart(17));
        long fewerCpu = Math.min(base.samples(ViewKind.CPU).sampleCount(), late.samples(ViewKind.CPU).sampleCount());
        long fewerAlloc = Math.min(base.samples(ViewKind.ALLOC).sampleCount(), late.samples(ViewKind.ALLOC).sampleCount());
        ViewKind richer = fewerAlloc > fewerCpu ? ViewKind.ALLOC : ViewKind.CPU;
        assertEquals(richer, CompareActions.sharedView(base, late, ViewKind.CPU, ViewKind.ALLOC));
        assertEquals(richer, CompareActions.sharedView(base, late, ViewKind.ALLOC, ViewKind.CPU), "whichever tab is the baseline");
        assertEquals(ViewKind.CPU, CompareActions.sharedView(base, late, ViewKind.CPU, ViewKind.CPU));
    }
}
