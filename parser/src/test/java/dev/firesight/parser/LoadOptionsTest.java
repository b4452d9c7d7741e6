package dev.firesight.parser;

import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.StackWeights;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading less detail (fewer views, part of the time, shorter stacks), progress and cancel, on real recordings. */
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
        assertTrue(cpuOnly.notes().contains("Only these views were loaded, as asked: "
                + ViewKind.CPU.title() + ", " + ViewKind.ALLOC_COUNT.title() + "; reopen the recording to load the others."),
                cpuOnly.notes().toString());
    }

    /**
     * A view read on its own is exactly that view of the whole read, sample by sample: the window draws it so,
     * exact, while it reads the rest (a JDK recording's CPU samples before its millions of allocations). Stack
     * ids differ between the two reads (the one-view read interns fewer stacks), so stacks compare by their frames.
     */
    @Test
    void aViewReadOnItsOwnIsThatViewOfTheWholeRead() throws Exception {
        for (Path recording : List.of(TestRecordings.jdk17(), TestRecordings.multiChunk(), TestRecordings.asyncProfiler(),
                dev.firesight.parser.testing.GoldenRecordings.recording("jdk25"))) {
            Profile all = Recordings.open(recording);
            for (ViewKind view : List.of(ViewKind.CPU, ViewKind.ALLOC)) {
                if (!all.has(view)) {
                    continue;
                }
                Profile alone = Recordings.open(recording, LoadOptions.defaults().withViews(EnumSet.of(view)));
                SampleTable a = all.samples(view);
                SampleTable b = alone.samples(view);
                String what = recording.getFileName() + " " + view.id();
                assertEquals(a.size(), b.size(), what + " rows");
                assertEquals(a.totalWeight(), b.totalWeight(), what + " weight");
                for (int i = 0; i < a.size(); i++) {
                    assertEquals(a.timeNanos(i), b.timeNanos(i), what + " time " + i);
                    assertEquals(a.weight(i), b.weight(i), what + " weight " + i);
                    assertEquals(all.threadName(a.thread(i)), alone.threadName(b.thread(i)), what + " thread " + i);
                    assertEquals(frames(all, a.stack(i)), frames(alone, b.stack(i)), what + " stack " + i);
                }
            }
        }
    }

    private static List<String> frames(Profile p, int stack) {
        List<String> out = new java.util.ArrayList<>();
        for (int f : p.stacks().frames(stack)) {
            out.add(p.frames().name(f) + ":" + p.frames().line(f) + ":" + p.frames().kind(f));
        }
        return out;
    }

    /** The last half of the burst recording: its samples, no others, and a note that says so. */
    @Test
    void partOfTheTimeKeepsTheSamplesInThatPart() throws Exception {
        Profile all = Recordings.open(TestRecordings.burst());
        Profile half = Recordings.open(TestRecordings.burst(), LoadOptions.defaults().withTimeFraction(0.5, 1));
        long from = all.info().startNanos() + all.info().durationNanos() / 2;
        long to = all.info().startNanos() + all.info().durationNanos();
        long slack = 1_000_000; // the tables keep times in microseconds; the cut is exact in nanoseconds
        for (ViewKind view : all.views()) {
            long kept = half.has(view) ? half.samples(view).totalWeight() : 0;
            long inner = total(all, ProfileQuery.of(view).withRange(from + slack, to));
            long outer = total(all, ProfileQuery.of(view).withRange(from - slack, to));
            assertTrue(inner <= kept && kept <= outer, view + ": " + inner + " <= " + kept + " <= " + outer);
            if (half.has(view)) {
                SampleTable t = half.samples(view);
                for (int i = 0; i < t.size(); i++) {
                    assertTrue(t.timeNanos(i) >= from - slack, view + " sample " + i + " is before the part asked for");
                }
            }
        }
        assertTrue(half.notes().stream().anyMatch(n -> n.matches("Only the samples from [0-9.]+ s to [0-9.]+ s of"
                + " the recording's [0-9.]+ s were loaded, as asked; reopen it to load all of it\\.")), half.notes()
                .toString());
        // The recording's facts stay whole (times a user types count from its start), and the part is the profile's
        // time: its rates, readings and pauses are of that part alone, so an allocation rate is bytes over the
        // part's seconds, not over the whole recording's.
        assertEquals(all.info().durationNanos(), half.info().durationNanos());
        assertEquals(to - from, half.time().durationNanos(), (double) slack);
        assertEquals(from, half.time().fromNanos(), (double) slack);
        for (TimeSeries s : half.series().values()) {
            for (int i = 0; i < s.size(); i++) {
                assertTrue(dev.firesight.parser.query.MemoryBudget.LIMITS.contains(s.kind()) || s.timeNanos(i) >= from - slack - s.bucketNanos(),
                        s.kind() + " reading " + i + " is before the part asked for (limits are kept whole)");
            }
        }
        TimeSeries rate = half.series().get(TimeSeries.Kind.ALLOCATION_RATE);
        double mean = 0;
        for (int i = 0; i < rate.size(); i++) {
            mean += rate.value(i) / rate.size();
        }
        double bytesPerSecond = half.samples(ViewKind.ALLOC).totalWeight() / (half.recordedNanos() / 1e9);
        assertEquals(bytesPerSecond, mean, bytesPerSecond * 0.1, "the mean rate is over the part's time");
    }

    /** Stacks cut to two frames keep their leaf, so self weights and totals are unchanged. */
    @Test
    void shorterStacksKeepTheLeafAndTheWeights() throws Exception {
        Profile all = Recordings.open(TestRecordings.jdk17());
        Profile cut = Recordings.open(TestRecordings.jdk17(), LoadOptions.defaults().withMaxStackDepth(2));
        SampleTable a = all.samples(ViewKind.CPU);
        SampleTable b = cut.samples(ViewKind.CPU);
        assertEquals(a.size(), b.size());
        assertEquals(a.totalWeight(), b.totalWeight());
        boolean someWereLonger = false;
        for (int i = 0; i < a.size(); i++) {
            int full = a.stack(i);
            int shortened = b.stack(i);
            assertTrue(cut.stacks().depth(shortened) <= 2);
            assertEquals(all.frames().name(all.stacks().leaf(full)), cut.frames().name(cut.stacks().leaf(shortened)));
            someWereLonger |= all.stacks().depth(full) > 2;
        }
        assertTrue(someWereLonger);
        assertTrue(cut.stacks().size() < all.stacks().size(), "fewer distinct stacks to hold");
        assertTrue(cut.notes().stream().anyMatch(n -> n.startsWith("Stacks were cut to their 2 frames nearest the leaf")),
                cut.notes().toString());
    }

    /** Past the memory budget the load stops with a sentence that offers less detail, not an OutOfMemoryError. */
    @Test
    void aLoadPastItsMemoryBudgetStopsWithASentence() throws Exception {
        RecordingException e = assertThrows(RecordingException.class, () -> Recordings.open(TestRecordings.jdk17(),
                LoadOptions.defaults().withMemoryBudget(1 << 20)));
        assertTrue(e.tooLarge());
        assertEquals(TestRecordings.jdk17().getFileName() + " needs more than the 1 MiB of memory Firesight may use for"
                + " it; load it with less detail (fewer views, part of its time, or shorter stacks), or start Firesight"
                + " with a larger heap (-Xmx).", e.getMessage());
        Profile p = Recordings.open(TestRecordings.jdk17());
        assertTrue(p.retainedBytes() < LoadOptions.defaults().effectiveMemoryBudget());
        assertTrue(p.retainedBytes() > p.sampleBytes(), "stacks count too");
    }

    private static long total(Profile p, ProfileQuery q) {
        return StackWeights.compute(p, q, () -> false).total();
    }

    /** alloc-count is alloc's samples weighing one each, read from alloc's columns rather than a copy. */
    @Test
    void allocCountSharesTheAllocColumns() throws Exception {
        Profile p = Recordings.open(TestRecordings.jdk17());
        SampleTable alloc = p.samples(ViewKind.ALLOC);
        SampleTable count = p.samples(ViewKind.ALLOC_COUNT);
        assertEquals(alloc.size(), count.size());
        assertEquals(count.size(), count.totalWeight());
        long withoutCount = 0;
        for (ViewKind v : p.views()) {
            withoutCount += v == ViewKind.ALLOC_COUNT ? 0 : p.samples(v).bytes();
        }
        assertEquals(withoutCount, p.sampleBytes(), "counting allocations takes no memory of its own");
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
