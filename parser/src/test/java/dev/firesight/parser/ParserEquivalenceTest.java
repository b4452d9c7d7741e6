package dev.firesight.parser;

import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.Collapsed;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.testing.CollapsedStacks;
import dev.firesight.parser.testing.ConverterOracle;
import dev.firesight.parser.testing.JdkOracle;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.parser.testing.View;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.firesight.parser.testing.StackAssertions.assertSameStacks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Firesight's collapsed output of every view equals, stack for stack, the JDK parser's reading and
 * async-profiler's converter's, on real recordings made during the test run.
 */
class ParserEquivalenceTest {

    static Stream<Arguments> recordings() {
        return Stream.of(
                Arguments.of("jdk17", (Supplier<Path>) TestRecordings::jdk17),
                Arguments.of("jdk25", (Supplier<Path>) TestRecordings::jdk25),
                Arguments.of("async-profiler", (Supplier<Path>) TestRecordings::asyncProfiler),
                Arguments.of("multi-chunk", (Supplier<Path>) TestRecordings::multiChunk),
                Arguments.of("gzipped", (Supplier<Path>) TestRecordings::gzipped),
                Arguments.of("halved", (Supplier<Path>) () -> TestRecordings.halved(1.0)),
                release("2.9", AsyncProfilerReleasesTest.WALL_MAIN),
                release("2.9", AsyncProfilerReleasesTest.CPU_MAIN),
                release("2.9", AsyncProfilerReleasesTest.LIVE),
                release("3.0", AsyncProfilerReleasesTest.CPU_AND_WALL),
                release("3.0", AsyncProfilerReleasesTest.WALL_MAIN),
                release("4.2", AsyncProfilerReleasesTest.WALL_MAIN),
                release("4.2", AsyncProfilerReleasesTest.WALL_NOBATCH),
                release("4.2", AsyncProfilerReleasesTest.LIVE),
                Arguments.of("native memory, JDK 17", (Supplier<Path>) () -> TestRecordings.nativeMemory(17)),
                Arguments.of("native memory, JDK 25", (Supplier<Path>) () -> TestRecordings.nativeMemory(25)));
    }

    private static Arguments release(String version, String options) {
        return Arguments.of("async-profiler " + version + " " + options,
                (Supplier<Path>) () -> TestRecordings.asyncProfilerRelease(version, options));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void everyViewEqualsTheJdkParserAndTheConverter(String name, Supplier<Path> recording) throws Exception {
        Path path = recording.get();
        Profile profile = Recordings.open(path);
        JdkOracle.Result jdk = JdkOracle.read(path);
        Map<View, CollapsedStacks> converter = ConverterOracle.views(path);
        assertEquals(List.of(), profile.warnings(), name + ": an intact recording reads without warnings");

        for (View view : View.values()) {
            ViewKind kind = ViewKind.byId(view.id());
            Map<String, Long> ours = profile.has(kind)
                    ? Collapsed.toMap(CallTreeBuilder.build(profile, ProfileQuery.of(kind))) : Map.of();
            CollapsedStacks expected = jdk.view(view);
            String what = name + " " + view.id();
            if (jdk.eventsWithoutStack().getOrDefault(view, 0L) > 0 && path.toString().contains("multi")) {
                // The JDK parser drops events whose stack id is only in an earlier chunk's pool; the
                // converter (and Firesight) resolve them there, so the converter is the reference.
                assertSameStacks(what + " vs converter", converter.get(view).weights(), ours);
                continue;
            }
            assertSameStacks(what + " vs JDK parser", expected.weights(), ours);
            if (!expected.weights().isEmpty()) {
                assertEquals(expected.weights().values().stream().mapToLong(Long::longValue).sum(),
                        profile.samples(kind).totalWeight(), what + " total");
            }
            if (!(view == View.LOCK && ConverterOracle.ticksPerSecond(
                    dev.firesight.parser.testing.JfrFiles.plain(path)) != 1_000_000_000L)) {
                assertSameStacks(what + " vs converter", converter.get(view).weights(), ours);
            }
        }
        assertFalse(profile.views().isEmpty(), name + " has views");
    }
}
