package dev.firesight.parser.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.JvmSeries;
import dev.firesight.parser.Profile;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.TimeSeries;
import dev.firesight.parser.testing.TestRecordings;

import java.nio.file.Path;
import java.util.List;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

/**
 * async-profiler's heap readings are the heap as it is once a second, though marked "After GC": read as the live
 * heap, a churning 64 MB heap looked like a leak's swings. They are heap used; its -Xmx comes from the JVM's
 * arguments, since the agent writes no heap configuration.
 */
class HeapReadingsTest {
    private static final double MIB = 1 << 20;

    @Test
    void asyncProfilersPeriodicReadingsAreHeapUsedAndItsMaximumHeapComesFromTheArguments() throws Exception {
        Path file = TestRecordings.asyncProfilerMemory();
        // The premise, by the JDK's parser: every reading says "After GC", none "Before GC", and no heap configuration.
        List<RecordedEvent> summaries = RecordingFile.readAllEvents(file).stream()
                .filter(e -> e.getEventType().getName().equals("jdk.GCHeapSummary")).toList();
        assertTrue(summaries.size() >= 3, summaries.size() + " readings");
        assertTrue(summaries.stream().allMatch(e -> "After GC".equals(e.getString("when"))));
        assertTrue(RecordingFile.readAllEvents(file).stream()
                .noneMatch(e -> e.getEventType().getName().equals("jdk.GCHeapConfiguration")));

        Profile profile = Recordings.open(file);
        JvmSeries jvm = profile.jvms().get(0);
        assertNull(jvm.get(TimeSeries.Kind.HEAP_AFTER_GC), "no live heap read from periodic readings");
        assertEquals(summaries.size(), jvm.get(TimeSeries.Kind.HEAP_USED).size(), "each is a reading of heap used");
        TimeSeries max = jvm.get(TimeSeries.Kind.MAX_HEAP);
        assertNotNull(max, "-Xmx64m from the JVM's arguments");
        assertEquals(64 * MIB, max.value(max.size() - 1));
        assertTrue(profile.notes().stream().anyMatch(n -> n.startsWith("The heap readings are taken once a second")),
                profile.notes().toString());
    }

    @Test
    void theJdksReadingsAfterEachCollectionStayTheLiveHeap() throws Exception {
        Profile profile = Recordings.open(TestRecordings.memory("churn"));
        JvmSeries jvm = profile.jvms().get(0);
        assertNotNull(jvm.get(TimeSeries.Kind.HEAP_AFTER_GC));
        assertEquals(64 * MIB, jvm.get(TimeSeries.Kind.MAX_HEAP).value(0), "from the JDK's heap configuration");
        assertTrue(profile.notes().stream().noneMatch(n -> n.contains("once a second")));
    }

    @Test
    void theLastMaximumHeapArgumentWins() {
        assertEquals(256L << 20, HeapReadings.maxHeap("-Xms64m -Xmx256m -XX:+UseG1GC"));
        assertEquals(512L << 20, HeapReadings.maxHeap("-Xmx2G -XX:MaxHeapSize=512m"));
        assertEquals(2L << 30, HeapReadings.maxHeap("-XX:MaxHeapSize=512m -Xmx2g"));
        assertEquals(1048576, HeapReadings.maxHeap("-Xmx1048576"));
        assertEquals(-1, HeapReadings.maxHeap("-Xmxlots -Xss1m"));
        assertEquals(-1, HeapReadings.maxHeap(null));
    }
}
