package dev.firesight.parser;

import dev.firesight.parser.testing.JfrFiles;
import dev.firesight.parser.testing.TestRecordings;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every memory series equals, reading for reading, what the JDK's parser reads from the same events. */
class MemorySeriesEquivalenceTest {
    private record Reading(String event, String field, TimeSeries.Kind series) {
    }

    private static final List<Reading> READINGS = List.of(
            new Reading("jdk.GCHeapSummary", "heapUsed", TimeSeries.Kind.HEAP_USED),
            new Reading("jdk.GCHeapSummary", "heapSpace.committedSize", TimeSeries.Kind.HEAP_COMMITTED),
            new Reading("jdk.MetaspaceSummary", "metaspace.used", TimeSeries.Kind.METASPACE_USED),
            new Reading("jdk.MetaspaceSummary", "metaspace.committed", TimeSeries.Kind.METASPACE_COMMITTED),
            new Reading("jdk.DirectBufferStatistics", "memoryUsed", TimeSeries.Kind.DIRECT_BUFFERS),
            new Reading("jdk.NativeMemoryUsageTotal", "committed", TimeSeries.Kind.NATIVE_MEMORY_COMMITTED),
            new Reading("jdk.ResidentSetSize", "size", TimeSeries.Kind.RESIDENT_SET_SIZE),
            new Reading("jdk.ContainerMemoryUsage", "memoryUsage", TimeSeries.Kind.CONTAINER_MEMORY_USAGE),
            new Reading("jdk.ContainerConfiguration", "memoryLimit", TimeSeries.Kind.CONTAINER_MEMORY_LIMIT),
            new Reading("jdk.JavaThreadStatistics", "activeCount", TimeSeries.Kind.THREADS),
            new Reading("jdk.GCHeapConfiguration", "maxSize", TimeSeries.Kind.MAX_HEAP),
            new Reading("jdk.PhysicalMemory", "totalSize", TimeSeries.Kind.PHYSICAL_MEMORY));

    @ParameterizedTest
    @ValueSource(strings = {"jdk17", "jdk25", "memory-leak", "multi-chunk", "container"})
    void memorySeriesEqualTheJdkParser(String name) throws Exception {
        Path path = switch (name) {
            case "jdk17" -> TestRecordings.jdk17();
            case "jdk25" -> TestRecordings.jdk25();
            case "multi-chunk" -> TestRecordings.multiChunk();
            case "container" -> TestRecordings.container();
            default -> TestRecordings.memory("leak");
        };
        Map<TimeSeries.Kind, TreeMap<Long, Double>> expected = new EnumMap<>(TimeSeries.Kind.class);
        try (RecordingFile file = new RecordingFile(JfrFiles.plain(path))) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                for (Reading r : READINGS) {
                    if (event.getEventType().getName().equals(r.event()) && event.hasField(r.field())) {
                        long value = ((Number) event.getValue(r.field())).longValue();
                        if (value > 0) {
                            expected.computeIfAbsent(r.series(), k -> new TreeMap<>()).put(nanos(event.getStartTime()),
                                    (double) value);
                        }
                    }
                }
            }
        }
        Profile profile = Recordings.open(path);
        assertTrue(expected.containsKey(TimeSeries.Kind.HEAP_USED), name + " has heap readings");
        for (Reading r : READINGS) {
            TreeMap<Long, Double> ours = new TreeMap<>();
            TimeSeries s = profile.series().get(r.series());
            for (int i = 0; s != null && i < s.size(); i++) {
                ours.put(s.timeNanos(i), s.value(i));
            }
            assertSameReadings(name + " " + r.series(), expected.getOrDefault(r.series(), new TreeMap<>()), ours);
        }
    }

    /** Each class's live bytes after GC equal the JDK parser's jdk.ObjectCountAfterGC readings. */
    @org.junit.jupiter.api.Test
    void liveBytesByClassEqualTheJdkParser() throws Exception {
        Path path = TestRecordings.memory("leak");
        Map<String, TreeMap<Long, Double>> expected = new TreeMap<>();
        try (RecordingFile file = new RecordingFile(path)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.ObjectCountAfterGC")) {
                    String name = dev.firesight.parser.testing.JdkOracle.className(event.getClass("objectClass"));
                    expected.computeIfAbsent(name, k -> new TreeMap<>()).put(nanos(event.getStartTime()),
                            (double) event.getLong("totalSize"));
                }
            }
        }
        Profile profile = Recordings.open(path);
        assertTrue(expected.containsKey("byte[]"), "the leak recording counted byte[] after GCs");
        assertEquals(expected.keySet(), new java.util.TreeSet<>(profile.jvms().get(0).liveBytesByClass().keySet()));
        expected.forEach((name, readings) -> {
            TreeMap<Long, Double> ours = new TreeMap<>();
            TimeSeries s = profile.jvms().get(0).liveBytesByClass().get(name);
            for (int i = 0; i < s.size(); i++) {
                ours.put(s.timeNanos(i), s.value(i));
            }
            assertSameReadings(name, readings, ours);
        });
    }

    /**
     * The same values at the same times. Times may differ by a little: in a later chunk the JDK's parser can
     * time an event with an earlier chunk's clock (it reuses the event parser, and with it the earlier chunk's
     * ticks-to-nanoseconds offset, when the metadata is unchanged); Firesight uses the chunk's own. How far the two
     * offsets are apart is how far the tick counter drifted from the wall clock between the chunks' starts: under
     * 1 µs in most recordings, 19.5 µs in one CI run's multi-chunk recording. A reading from another event is
     * milliseconds away, so 1 ms still tells a wrong reading from a drifted one.
     */
    private static void assertSameReadings(String what, TreeMap<Long, Double> expected, TreeMap<Long, Double> ours) {
        assertEquals(List.copyOf(expected.values()), List.copyOf(ours.values()), what + ": values");
        List<Long> a = List.copyOf(expected.keySet());
        List<Long> b = List.copyOf(ours.keySet());
        for (int i = 0; i < a.size(); i++) {
            assertTrue(Math.abs(a.get(i) - b.get(i)) < 1_000_000, what + ": reading " + i + " at " + a.get(i) + " vs "
                    + b.get(i));
        }
    }

    private static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

}
