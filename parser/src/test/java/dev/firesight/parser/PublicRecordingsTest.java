package dev.firesight.parser;

import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.Collapsed;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.testing.CollapsedStacks;
import dev.firesight.parser.testing.ConverterOracle;
import dev.firesight.parser.testing.JdkOracle;
import dev.firesight.parser.testing.JfrFiles;
import dev.firesight.parser.testing.View;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static dev.firesight.parser.testing.StackAssertions.assertSameStacks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Recordings other projects made and published (listed with source and licence in
 * {@code src/test/resources/public/SOURCES.tsv}): JDK 8 to 21, JDK 9's format 1.0, async-profiler 2.8 to
 * 4.1, Datadog. Every view equals the JDK parser's and the converter's, stack for stack, wherever that
 * reference reads the file; where the two references cannot both be right, docs/recordings.md says which
 * Firesight follows and why.
 */
class PublicRecordingsTest {
    /** The JDK's parser rejects these (checked with JDK 17 and 25 `jfr print`), so only the converter judges. */
    private static final String JDK_FAILS = "-JDKFAIL";

    static Stream<String> recordings() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.contains(".jfr") && !n.startsWith("v0.9-") && !n.contains(".uncompressed."))
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void everyViewEqualsTheReferences(String name) throws Exception {
        Path path = folder().resolve(name);
        Profile profile = Recordings.open(path);
        assertEquals(java.util.List.of(), profile.warnings(), name + ": an intact recording reads without warnings");
        boolean jdkReads = !name.contains(JDK_FAILS);
        boolean converterReads = !name.startsWith("v1.0-"); // the converter reads format 2 only
        JdkOracle.Result jdk = jdkReads ? JdkOracle.read(path) : null;
        boolean exactTicks = !converterReads || ConverterOracle.ticksPerSecond(JfrFiles.plain(path)) == 1_000_000_000L;
        int compared = 0;
        for (View view : View.values()) {
            ViewKind kind = ViewKind.byId(view.id());
            Map<String, Long> ours = profile.has(kind)
                    ? Collapsed.toMap(CallTreeBuilder.build(profile, ProfileQuery.of(kind))) : Map.of();
            String what = name + " " + view.id();
            if (jdkReads) {
                compare(what + " vs JDK parser", jdk.view(view), ours, view == View.LOCK && !exactTicks);
                compared++;
            }
            if (!converterReads) {
                continue;
            }
            CollapsedStacks converter = ConverterOracle.view(path, view);
            long nativeSamples = jdk == null || jdk.asyncProfiler() ? 0
                    : jdk.eventCounts().getOrDefault("jdk.NativeMethodSample", 0L);
            if (view == View.CPU && nativeSamples > 0) {
                // Without a flag the converter counts the JDK's jdk.NativeMethodSample (threads in native
                // code, not necessarily on CPU) as CPU; Firesight does not (docs/recordings.md).
                assertEquals(converter.totalWeight(), sum(ours) + nativeSamples, what + " vs converter");
                ours.forEach((stack, w) -> assertTrue(converter.weights().getOrDefault(stack, 0L) >= w,
                        what + " vs converter: " + stack));
            } else {
                compare(what + " vs converter", converter, ours, view == View.LOCK && !exactTicks);
            }
            compared++;
        }
        assertTrue(compared > 0, name + " was compared with at least one reference");
    }

    @Test
    void formatOneZeroReadsWithModernNames() throws Exception {
        Profile profile = Recordings.open(folder().resolve("v1.0-jdk9-allocation-before.jfr"));
        assertTrue(profile.has(ViewKind.ALLOC), "JDK 9's com.oracle.jdk.ObjectAllocationInNewTLAB feeds the alloc view");
        assertTrue(profile.has(ViewKind.CPU), "and com.oracle.jdk.ExecutionSample the CPU view");
        assertTrue(profile.info().javaVersion().startsWith("9"), profile.info().javaVersion());
    }

    @Test
    void formatZeroNineIsRefusedInOneSentence() throws Exception {
        RecordingException e = assertThrows(RecordingException.class,
                () -> Recordings.open(folder().resolve("v0.9-jdk8u60.jfr.gz")));
        assertTrue(e.getMessage().contains("uses JFR format 0.9"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void javaEightShowsItsJavaVersion() throws Exception {
        Profile profile = Recordings.open(folder().resolve("v2.0-jdk8u292.jfr"));
        assertEquals("1.8.0_292-b10", profile.info().javaVersion());
    }

    @Test
    void asyncProfilerWallClockIsNotCpu() throws Exception {
        // async-profiler 2.10, event=cpu plus wall: the converter's --cpu and --wall split them by state.
        Profile profile = Recordings.open(folder().resolve("v2.0-ap2.10-cpu-wall-alloc-lock-jdk8.jfr.gz"));
        Path plain = JfrFiles.plain(folder().resolve("v2.0-ap2.10-cpu-wall-alloc-lock-jdk8.jfr.gz"));
        assertEquals(ConverterOracle.view(plain, View.CPU).eventCount(), profile.samples(ViewKind.CPU).size());
        assertTrue(profile.samples(ViewKind.WALL).totalWeight() > 10 * profile.samples(ViewKind.CPU).totalWeight(),
                "most samples of this mostly idle JVM are wall clock");
        assertTrue(profile.info().producer().startsWith("async-profiler 2.10"), profile.info().producer());
    }

    @Test
    void datadogIsNamedAsSuch() throws Exception {
        Profile profile = Recordings.open(folder().resolve("v2.0-ddtrace-jdk11.jfr.gz"));
        assertEquals("Datadog Java profiler", profile.info().producer());
    }

    static Path folder() throws URISyntaxException {
        try {
            return Path.of(PublicRecordingsTest.class.getResource("/public/SOURCES.tsv").toURI()).getParent();
        } catch (NullPointerException e) {
            throw new UncheckedIOException(new IOException("src/test/resources/public is not on the class path"));
        }
    }

    /**
     * Stack for stack equal; for lock durations in a recording whose clock is not in nanoseconds, within
     * 1 ns per event: each reader truncates ticks to nanoseconds at a different step (per event's start and
     * end, per event's duration, per stack's sum).
     */
    private static void compare(String what, CollapsedStacks expected, Map<String, Long> actual, boolean perEventNs) {
        if (!perEventNs) {
            assertSameStacks(what, expected.weights(), actual);
            return;
        }
        assertEquals(expected.weights().keySet(), actual.keySet(), what + ": the same stacks");
        expected.weights().forEach((stack, w) -> assertTrue(Math.abs(actual.get(stack) - w) <= expected.eventCount(),
                what + ": " + stack + " " + w + " vs " + actual.get(stack)));
    }

    private static long sum(Map<String, Long> stacks) {
        return stacks.values().stream().mapToLong(Long::longValue).sum();
    }
}
