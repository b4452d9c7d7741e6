package dev.firesight.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.firesight.parser.testing.GoldenRecordings;
import dev.firesight.parser.testing.TestRecordings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The look at a recording's start that the window decides by (read its CPU samples first or not) counts what the
 * JDK's own parser counts, per view, on one-chunk recordings read whole; it is empty for what it cannot read.
 */
class SampleMixTest {
    @Test
    void countsEachViewsSampleEventsAsTheJdkParserDoes() throws Exception {
        for (Path recording : List.of(TestRecordings.jdk17(), GoldenRecordings.recording("jdk25"),
                GoldenRecordings.RESOURCES.resolve("public/v2.0-ap3.0-fa937db-cpu-alloc.jfr.gz.uncompressed.jfr"))) {
            assertEquals(1, Recordings.open(recording).info().chunkCount(), recording + " has one chunk");
            Map<ViewKind, Long> expected = new EnumMap<>(ViewKind.class);
            try (RecordingFile file = new RecordingFile(recording)) {
                while (file.hasMoreEvents()) {
                    ViewKind view = viewOf(file.readEvent());
                    if (view != null) {
                        expected.merge(view, 1L, Long::sum);
                    }
                }
            }
            assertTrue(expected.getOrDefault(ViewKind.CPU, 0L) > 0, recording + ": " + expected);
            assertEquals(expected, Recordings.sampleMix(recording, Long.MAX_VALUE), recording.toString());
            Map<ViewKind, Long> start = Recordings.sampleMix(recording, 16 * 1024);
            long counted = start.values().stream().mapToLong(Long::longValue).sum();
            long all = expected.values().stream().mapToLong(Long::longValue).sum();
            assertTrue(counted < all, recording + ": the first 16 KB count fewer, " + counted + " of " + all);
        }
    }

    private static ViewKind viewOf(RecordedEvent event) {
        switch (event.getEventType().getName()) {
            case "jdk.ExecutionSample":
                return ViewKind.CPU;
            case "jdk.ObjectAllocationInNewTLAB":
            case "jdk.ObjectAllocationOutsideTLAB":
            case "jdk.ObjectAllocationSample":
                return ViewKind.ALLOC;
            case "jdk.JavaMonitorEnter":
            case "jdk.ThreadPark":
                return ViewKind.LOCK;
            case "profiler.WallClockSample":
                return ViewKind.WALL;
            case "profiler.LiveObject":
                return ViewKind.LIVE;
            case "profiler.Malloc":
                return ViewKind.NATIVE_ALLOC;
            default:
                return null;
        }
    }

    @Test
    void isEmptyForWhatItCannotRead(@TempDir Path dir) throws Exception {
        assertEquals(Map.of(), Recordings.sampleMix(dir, Long.MAX_VALUE), "a folder");
        Path text = Files.writeString(dir.resolve("notes.jfr"), "not a recording");
        assertEquals(Map.of(), Recordings.sampleMix(text, Long.MAX_VALUE), "a text file");
        Path gz = Path.of(SampleMixTest.class.getResource("/public/v2.0-ap2.10-cpu-wall-alloc-lock-jdk8.jfr.gz").toURI());
        assertEquals(Map.of(), Recordings.sampleMix(gz, Long.MAX_VALUE), "a compressed recording");
    }
}
