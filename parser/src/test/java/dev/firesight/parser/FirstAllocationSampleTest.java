package dev.firesight.parser;

import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.Collapsed;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.testing.JdkOracle;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.parser.testing.View;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static dev.firesight.parser.testing.StackAssertions.assertSameStacks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A recording that starts while the JVM is busy: each thread's first allocation sample also weighs
 * what the thread allocated before the recording began (JDK-8307488). The allocation view counts what was
 * allocated while recording, as the JVM's own per-thread counters (jdk.ThreadAllocationStatistics) measure it.
 */
class FirstAllocationSampleTest {

    /**
     * A part of the recording loaded alone ({@code --from}) weighs its samples as the whole recording's view of that
     * part does: a thread's first sample after the part's start is an ordinary one, its first of the recording having
     * been before the part.
     */
    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void aPartFromTheMiddleKeepsItsFirstSamplesWhole(int jdk) throws Exception {
        Path recording = TestRecordings.lateStart(jdk);
        Profile whole = Recordings.open(recording);
        Profile part = Recordings.open(recording, LoadOptions.defaults().withTimeFraction(0.5, 1));
        long from = part.time().fromNanos();
        long inWhole = dev.firesight.parser.query.StackWeights.compute(whole, dev.firesight.parser.query.ProfileQuery
                .of(ViewKind.ALLOC).withRange(from, Long.MAX_VALUE), () -> false).total();
        assertEquals(inWhole, part.samples(ViewKind.ALLOC).totalWeight(), "the part's bytes as the whole shows them");
        assertTrue(part.notes().stream().noneMatch(n -> n.startsWith("Left out ")), part.notes().toString());
    }

    @ParameterizedTest(name = "JDK {0}")
    @ValueSource(ints = {17, 25})
    void bytesAllocatedBeforeTheRecordingAreLeftOut(int jdk) throws Exception {
        Path recording = TestRecordings.lateStart(jdk);
        Profile profile = Recordings.open(recording);
        long shown = profile.samples(ViewKind.ALLOC).totalWeight();
        long written = JdkOracle.readAsWritten(recording).view(View.ALLOC).totalWeight();
        long counted = allocatedWhileRecording(recording);
        // the premise: the workload allocated for 2 s before the recording, and the samples as written show it
        assertTrue(written > 1.3 * counted, "as written " + written + " against " + counted + " allocated");
        assertTrue(Math.abs(shown - counted) < 0.15 * counted, "shown " + shown + " against " + counted + " allocated");
        assertTrue(profile.notes().stream().anyMatch(n -> n.startsWith("Left out ") && n.contains("JDK-8307488")),
                profile.notes().toString());
        // stack by stack, what the JDK's parser gives with the same rule (ORACLES.md)
        assertSameStacks("JDK " + jdk + " alloc", JdkOracle.read(recording).view(View.ALLOC).weights(), stacks(profile));
    }

    /** What the threads allocated between their first and last jdk.ThreadAllocationStatistics of the recording. */
    private static long allocatedWhileRecording(Path recording) throws IOException {
        Map<Long, long[]> byThread = new HashMap<>(); // thread id -> {first, last}
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (e.getEventType().getName().equals("jdk.ThreadAllocationStatistics") && e.getThread("thread") != null) {
                    long allocated = e.getLong("allocated");
                    byThread.computeIfAbsent(e.getThread("thread").getId(), k -> new long[] {allocated, allocated})[1]
                            = allocated;
                }
            }
        }
        return byThread.values().stream().mapToLong(v -> v[1] - v[0]).sum();
    }

    private static Map<String, Long> stacks(Profile profile) {
        return Collapsed.toMap(CallTreeBuilder.build(profile, ProfileQuery.of(ViewKind.ALLOC)));
    }
}
