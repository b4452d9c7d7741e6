package dev.firesight.parser;

import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading fewer views, progress reporting and cancellation, on a real recording. */
class LoadOptionsTest {
    @Test
    void fewerViewsKeepTheSameNumbersForTheViewsKept() throws Exception {
        Profile all = Recordings.open(TestRecordings.asyncProfiler());
        Profile cpuOnly = Recordings.open(TestRecordings.asyncProfiler(),
                LoadOptions.defaults().withViews(EnumSet.of(ViewKind.CPU, ViewKind.ALLOC_COUNT)));
        assertEquals(EnumSet.of(ViewKind.CPU, ViewKind.ALLOC_COUNT), cpuOnly.views());
        assertEquals(all.samples(ViewKind.CPU).totalWeight(), cpuOnly.samples(ViewKind.CPU).totalWeight());
        assertEquals(all.samples(ViewKind.ALLOC_COUNT).size(), cpuOnly.samples(ViewKind.ALLOC_COUNT).size());
        assertTrue(cpuOnly.sampleBytes() < all.sampleBytes(), "fewer views hold less memory");
    }

    @Test
    void progressReachesTheFileSizeAndCancelStops() throws Exception {
        AtomicLong last = new AtomicLong();
        AtomicLong total = new AtomicLong();
        Recordings.open(TestRecordings.jdk17(), LoadOptions.defaults().withProgress((d, t) -> {
            last.set(d);
            total.set(t);
        }));
        assertTrue(total.get() > 0);
        assertEquals(total.get(), last.get(), "progress ends at 100%");
        assertThrows(CancellationException.class, () -> Recordings.open(TestRecordings.jdk17(),
                LoadOptions.defaults().withCancel(() -> true)));
    }
}
