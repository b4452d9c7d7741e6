package dev.firesight.parser.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.LoadOptions;
import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingException;
import dev.firesight.parser.testing.EveryChance;
import dev.firesight.parser.testing.ProfileAssertions;
import dev.firesight.parser.testing.TestRecordings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resolving stacks on a second thread during the event scan gives exactly the profile a read on one thread
 * gives: the same stacks with the same ids, frames, threads, samples row by row, warnings and notes. Real
 * recordings: committed JDK and async-profiler files of one and of several chunks, a JDK recording made to
 * start new chunks, two recordings in one file, a repository folder left by a killed JVM, and damaged copies.
 */
class ConcurrentReadTest {
    private static final List<String> COMMITTED = List.of(
            "public/v2.0-ap2.8.3-multichunk.jfr",
            "public/v2.0-jdk15-2chunks.jfr",
            "public/v2.1-jdk21.jfr",
            "public/v2.0-ap2.10-cpu-wall-alloc-lock-jdk8.jfr.gz", // one chunk, pools last, CPU and wall split
            "public/v2.0-ap2.9-wall.jfr",
            "public/v2.0-ap3.0-nativemem.jfr.gz", // native allocations and frees for the leak view
            "golden/jdk17/workload-jdk17.jfr");

    private static Path resource(String name) {
        try {
            return Path.of(ConcurrentReadTest.class.getResource("/" + name).toURI());
        } catch (Exception e) {
            throw new IllegalStateException(name, e);
        }
    }

    private static Profile read(Path path, LoadOptions options, boolean concurrent) throws Exception {
        return new RecordingReader(path, options, null, concurrent).read();
    }

    /**
     * Reads the file on one thread, then with the stacks beside the scan, named and interned on two threads of
     * their own, and on one (firesight.splitStacks=false): all three the same.
     */
    private static void assertBothWaysSame(Path path, LoadOptions options, String name) throws Exception {
        int before = ConcurrentStacks.STARTED.get();
        int splitBefore = ConcurrentStacks.SPLIT.get();
        Profile concurrent = read(path, options, true);
        assertTrue(ConcurrentStacks.STARTED.get() > before, name + ": no chunk had its stacks resolved concurrently");
        assertTrue(ConcurrentStacks.SPLIT.get() > splitBefore, name + ": no chunk's stacks were named and interned apart");
        Profile sequential = read(path, options, false);
        ProfileAssertions.assertSameProfile(sequential, concurrent, name);
        assertEquals(sequential.info().chunkCount(), concurrent.info().chunkCount(), name + " chunks");
        Profile oneStackThread = oneStackThread(() -> read(path, options, true), name);
        ProfileAssertions.assertSameProfile(sequential, oneStackThread, name + " (one stack thread)");
    }

    /** Runs {@code read} with every chunk's stacks named and interned on one thread beside the scan. */
    private static <T> T oneStackThread(java.util.concurrent.Callable<T> read, String name) throws Exception {
        int started = ConcurrentStacks.STARTED.get();
        int split = ConcurrentStacks.SPLIT.get();
        System.setProperty("firesight.splitStacks", "false");
        try {
            T result = read.call();
            assertTrue(ConcurrentStacks.STARTED.get() > started, name + ": no stack thread");
            assertEquals(split, ConcurrentStacks.SPLIT.get(), name + ": stacks split over two threads all the same");
            return result;
        } finally {
            System.clearProperty("firesight.splitStacks");
        }
    }

    @Test
    void committedRecordingsReadTheSameBothWays() throws Exception {
        for (String name : COMMITTED) {
            assertBothWaysSame(resource(name), LoadOptions.defaults(), name);
        }
    }

    @Test
    void multiChunkJdkRecordingsReadTheSameBothWays() throws Exception {
        assertBothWaysSame(TestRecordings.multiChunk(), LoadOptions.defaults(), "multi-chunk JDK 17");
        assertBothWaysSame(TestRecordings.concatenated(), LoadOptions.defaults(), "two recordings in one file");
    }

    @Test
    void aRepositoryLeftByAKilledJvmReadsTheSameBothWays() throws Exception {
        // Its last chunk was being written: that one is read on one thread, the others concurrently.
        assertBothWaysSame(TestRecordings.killedRepository(), LoadOptions.defaults(), "killed repository");
    }

    @Test
    void bucketedAndCutLoadsReadTheSameBothWays() throws Exception {
        Path multi = TestRecordings.multiChunk();
        LoadOptions small = LoadOptions.defaults().withSampleBudget(20_000);
        assertTrue(read(multi, small, false).resolutionNanos() > 0, "read into buckets");
        assertBothWaysSame(multi, small, "bucketed");
        assertBothWaysSame(resource("public/v2.0-ap2.10-cpu-wall-alloc-lock-jdk8.jfr.gz"), small, "bucketed async");
        assertBothWaysSame(multi, LoadOptions.defaults().withMaxStackDepth(8), "stacks cut to 8 frames");
    }

    /**
     * Partial profiles, asked for at every chance, make the stack thread catch up and wait while they are
     * copied; the complete profile stays exactly the one-thread read's, and each partial profile only has
     * stacks the complete one has.
     */
    @Test
    void partialProfilesLeaveTheConcurrentReadExact() throws Exception {
        for (String name : List.of("public/v2.0-ap2.10-cpu-wall-alloc-lock-jdk8.jfr.gz", "public/v2.0-jdk15-2chunks.jfr",
                "golden/jdk17/workload-jdk17.jfr")) {
            Path path = resource(name);
            assertPartialsExact(path, name);
            oneStackThread(() -> {
                assertPartialsExact(path, name + " (one stack thread)");
                return null;
            }, name);
        }
    }

    private static void assertPartialsExact(Path path, String name) throws Exception {
        EveryChance everyChance = new EveryChance();
        List<Profile> partials = everyChance.partials;
        int before = ConcurrentStacks.STARTED.get();
        Profile concurrent = new RecordingReader(path, LoadOptions.defaults(), everyChance, true).read();
        assertTrue(ConcurrentStacks.STARTED.get() > before, name + ": no chunk read concurrently");
        ProfileAssertions.assertSameProfile(read(path, LoadOptions.defaults(), false), concurrent, name);
        assertTrue(!partials.isEmpty(), name + ": no partial profile");
        java.util.Set<String> stacks = new java.util.HashSet<>();
        for (int s = 0; s < concurrent.stacks().size(); s++) {
            stacks.add(stackNames(concurrent, s));
        }
        for (Profile partial : partials) {
            for (dev.firesight.parser.ViewKind view : partial.views()) {
                dev.firesight.parser.SampleTable rows = partial.samples(view);
                for (int i = 0; i < rows.size(); i++) {
                    String stack = stackNames(partial, rows.stack(i));
                    assertTrue(stacks.contains(stack), name + " partial " + view.id() + ": " + stack);
                }
            }
        }
    }

    private static String stackNames(Profile p, int stack) {
        StringBuilder key = new StringBuilder();
        for (int frame : p.stacks().frames(stack)) {
            key.append(p.frames().name(frame)).append(':').append(p.frames().line(frame)).append(';');
        }
        return key.toString();
    }

    /** A load cancelled, or stopped by its memory budget, mid-read leaves no stack thread running. */
    @Test
    void cancellingOrRunningOutOfBudgetStopsTheStackThread() throws Exception {
        assertStopsTheStackThreads("");
        oneStackThread(() -> {
            assertStopsTheStackThreads(" (one stack thread)");
            return null;
        }, "cancelled");
    }

    private static void assertStopsTheStackThreads(String mode) throws Exception {
        Path path = resource("public/v2.0-ap2.10-cpu-wall-alloc-lock-jdk8.jfr.gz");
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        int before = ConcurrentStacks.STARTED.get();
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class, () ->
                read(path, LoadOptions.defaults().withCancel(() -> asked.incrementAndGet() > 20), true));
        assertTrue(ConcurrentStacks.STARTED.get() > before, "the stack thread had started" + mode);
        assertNoStackThread("after cancelling" + mode);
        org.junit.jupiter.api.Assertions.assertThrows(MemoryBudgetExceeded.class, () ->
                read(path, LoadOptions.defaults().withMemoryBudget(1 << 20), true));
        assertNoStackThread("after the memory budget ran out" + mode);
    }

    private static void assertNoStackThread(String when) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertTrue(!t.getName().startsWith("firesight-stacks") || !t.isAlive(), t.getName() + " runs " + when);
        }
    }

    /**
     * Copies of a multi-chunk recording with bytes overwritten in one chunk's events, pools or metadata:
     * whatever the damage, both reads warn alike and keep the same samples, or fail with the same sentence.
     */
    @Test
    void damagedCopiesReadTheSameBothWays(@TempDir Path dir) throws Exception {
        byte[] original = Files.readAllBytes(TestRecordings.multiChunk());
        List<long[]> chunks = chunkSpans(original);
        assertTrue(chunks.size() >= 3, "chunks: " + chunks.size());
        java.util.Random random = new java.util.Random(13);
        int damagedRead = 0;
        for (int c = 0; c < 12; c++) {
            long[] chunk = chunks.get(1 + c % (chunks.size() - 1));
            byte[] copy = original.clone();
            // A run of seeded bytes somewhere after the chunk's header: events, pools or metadata.
            int length = 1 + random.nextInt(64);
            int at = (int) (chunk[0] + ChunkHeader.SIZE + random.nextInt((int) (chunk[1] - ChunkHeader.SIZE - length)));
            for (int i = 0; i < length; i++) {
                copy[at + i] = (byte) random.nextInt(256);
            }
            Path file = dir.resolve("damaged-" + c + ".jfr");
            Files.write(file, copy);
            String name = "damaged at byte " + at + " (" + length + " bytes)";
            Profile sequential;
            try {
                sequential = read(file, LoadOptions.defaults(), false);
            } catch (RecordingException e) {
                String message = e.getMessage();
                RecordingException other = org.junit.jupiter.api.Assertions.assertThrows(RecordingException.class,
                        () -> read(file, LoadOptions.defaults(), true), name);
                assertEquals(message, other.getMessage(), name);
                continue;
            }
            ProfileAssertions.assertSameProfile(sequential, read(file, LoadOptions.defaults(), true), name);
            damagedRead += sequential.warnings().isEmpty() ? 0 : 1;
        }
        assertTrue(damagedRead >= 6, "copies read with a warning: " + damagedRead);
    }

    /** Each chunk's {offset, size}, from the chunk headers. */
    private static List<long[]> chunkSpans(byte[] file) {
        List<long[]> spans = new ArrayList<>();
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(file);
        long offset = 0;
        while (offset + ChunkHeader.SIZE <= file.length && buf.getInt((int) offset) == ChunkHeader.MAGIC) {
            long size = buf.getLong((int) offset + 8);
            spans.add(new long[] {offset, size});
            offset += size;
        }
        return spans;
    }
}
