package dev.firesight.parser;

import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stretch no file covers is a gap, so a timeline can show it as "no recording" rather than as quiet. */
class GapsTest {
    private static final long S = 1_000_000_000L;

    @Test
    void gapsLieBetweenMergedChunksAndIgnoreTheSlackBetweenNeighbours() {
        List<Sources.Span> gaps = Sources.gapsBetween(List.of(
                new long[] {20 * S, 30 * S},        // a later file, listed first
                new long[] {0, 10 * S},
                new long[] {10 * S + 5_000, 15 * S}, // 5 µs after the previous chunk: its neighbour, no gap
                new long[] {12 * S, 14 * S},         // inside the one before: an overlapping dump
                new long[] {40 * S, Long.MAX_VALUE}, // still being written: reaches the next chunk
                new long[] {70 * S, 80 * S},
                new long[] {95 * S, 99 * S}));
        assertEquals(List.of(new Sources.Span(15 * S, 20 * S), new Sources.Span(30 * S, 40 * S),
                new Sources.Span(80 * S, 95 * S)), gaps);
        Sources sources = new Sources(List.of("a"), new int[0], gaps, List.of());
        assertEquals(new Sources.Span(30 * S, 40 * S), sources.gapAt(35 * S));
        assertNull(sources.gapAt(50 * S), "the open chunk covers up to the next one");
    }

    @Test
    void aRepositoryOfAbuttingChunksHasNoGap() throws Exception {
        Profile repository = Recordings.open(TestRecordings.killedRepository());
        assertEquals(List.of(), repository.sources().gaps(), "chunk files of one recording follow each other");
        assertEquals(List.of(), Recordings.open(TestRecordings.jdk17()).sources().gaps());
    }

    @Test
    void twoRecordingsMadeApartLeaveTheTimeBetweenThemAsAGap(@TempDir Path dir) throws Exception {
        Path a = TestRecordings.jdk17();
        Path b = TestRecordings.asyncProfiler();
        Files.copy(a, dir.resolve("a.jfr"));
        Files.copy(b, dir.resolve("b.jfr"));
        RecordingInfo first = Recordings.open(a).info();
        RecordingInfo second = Recordings.open(b).info();
        if (first.startNanos() > second.startNanos()) {
            RecordingInfo t = first;
            first = second;
            second = t;
        }
        List<Sources.Span> gaps = Recordings.open(dir).sources().gaps();
        if (second.startNanos() - first.endNanos() >= Sources.MIN_GAP_NANOS) {
            assertEquals(List.of(new Sources.Span(first.endNanos(), second.startNanos())), gaps);
        } else {
            assertEquals(List.of(), gaps, "recordings that overlap or abut leave no gap");
        }
        assertTrue(gaps.stream().allMatch(g -> g.durationNanos() >= Sources.MIN_GAP_NANOS));
    }

    /** Each JVM's own time: its first chunk's start to its last chunk's end; a chunk still written ends at its start. */
    @Test
    void eachSourceSpansItsOwnChunks() {
        long S = 1_000_000_000L;
        List<Sources.Span> spans = Sources.spansOf(List.of(
                new long[] {10 * S, 20 * S, 0},
                new long[] {500 * S, 510 * S, 1},
                new long[] {20 * S, 30 * S, 0},
                new long[] {510 * S, Long.MAX_VALUE, 1},
                new long[] {900 * S, 910 * S, -1}), 3);
        assertEquals(List.of(new Sources.Span(10 * S, 30 * S), new Sources.Span(500 * S, 510 * S)), spans.subList(0, 2));
        assertNull(spans.get(2), "a source no chunk was counted for");
        Sources sources = new Sources(List.of("a", "b", "c"), new int[0], List.of(), spans);
        assertEquals(new Sources.Span(500 * S, 510 * S), sources.span(1));
        assertNull(sources.span(7));
    }
}
