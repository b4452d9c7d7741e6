package dev.firesight.parser;

import dev.firesight.parser.jfr.RecordingRedactor;
import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.Collapsed;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.testing.ChildJvm;
import dev.firesight.parser.testing.ConverterOracle;
import dev.firesight.parser.testing.GoldenRecordings;
import dev.firesight.parser.testing.JdkOracle;
import dev.firesight.parser.testing.JfrFiles;
import dev.firesight.parser.testing.JfrSettings;
import dev.firesight.parser.testing.Jdks;
import dev.firesight.parser.testing.View;
import dev.firesight.parser.testing.Workload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Golden recordings: small real recordings committed with the collapsed stacks of each view, so this part
 * of the suite needs no child JVM and gives the same answer on every run. The expected files come from the
 * JDK's own parser ({@code jdk.jfr.consumer}), not from Firesight; see {@code src/test/resources/golden/README.md}
 * for the recordings and how to regenerate the files ({@code -Dfiresight.golden.write=true}).
 */
class GoldenRecordingsTest {
    private static final boolean WRITE = Boolean.getBoolean("firesight.golden.write");

    static java.util.List<String> names() {
        return GoldenRecordings.NAMES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void everyViewEqualsItsGoldenStacks(String name) throws Exception {
        Path recording = GoldenRecordings.recording(name);
        Path expectedDir = GoldenRecordings.expected(name);
        if (WRITE) {
            write(name, recording, expectedDir);
        }
        assertTrue(Files.isRegularFile(recording), recording + " is committed");
        assertTrue(Files.size(recording) < 1 << 20, "golden recordings stay under 1 MB: " + recording);
        Profile profile = Recordings.open(recording);
        assertEquals(java.util.List.of(), profile.warnings(), name + " reads without warnings");

        TreeSet<String> expectedViews = new TreeSet<>();
        try (Stream<Path> files = Files.list(expectedDir)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".collapsed"))
                    .forEach(f -> expectedViews.add(f.substring(0, f.length() - ".collapsed".length())));
        }
        assertFalse(expectedViews.isEmpty(), "golden stacks for " + name);
        for (String id : expectedViews) {
            ViewKind kind = ViewKind.byId(id);
            assertTrue(profile.has(kind), name + " has the " + id + " view");
            Map<String, Long> expected = read(expectedDir.resolve(id + ".collapsed"));
            Map<String, Long> ours = new TreeMap<>(Collapsed.toMap(CallTreeBuilder.build(profile, ProfileQuery.of(kind))));
            assertEquals(expected.size(), ours.size(), name + " " + id + ": stacks");
            assertEquals(expected, ours, name + " " + id);
        }
    }

    private static Map<String, Long> read(Path file) throws IOException {
        Map<String, Long> stacks = new TreeMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int space = line.lastIndexOf(' ');
            stacks.put(line.substring(0, space), Long.parseLong(line.substring(space + 1)));
        }
        return stacks;
    }

    /**
     * Writes the expected stacks of every view from the JDK's parser. The lock view of a recording whose
     * ticks are not nanoseconds is left out: there the JDK converts each event's duration and the converter
     * each stack's sum, and the two differ by rounding (docs/recordings.md), so neither is a golden answer.
     */
    private static void write(String name, Path recording, Path dir) throws Exception {
        if (name.startsWith("jdk") && !Files.exists(recording)) {
            record(Integer.parseInt(name.substring(3)), recording);
        }
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path f : old.filter(f -> f.toString().endsWith(".collapsed")).toList()) {
                Files.delete(f);
            }
        }
        JdkOracle.Result jdk = JdkOracle.read(recording);
        boolean nsTicks = ConverterOracle.ticksPerSecond(JfrFiles.plain(recording)) == 1_000_000_000L;
        for (View view : View.values()) {
            Map<String, Long> stacks = jdk.view(view).weights();
            if (stacks.isEmpty() || view == View.LOCK && !nsTicks) {
                continue;
            }
            StringBuilder out = new StringBuilder();
            new TreeMap<>(stacks).forEach((stack, w) -> out.append(stack).append(' ').append(w).append('\n'));
            Files.writeString(dir.resolve(view.id() + ".collapsed"), out, StandardCharsets.UTF_8);
        }
    }

    /**
     * {@link Workload} for 3 s on the JDK of this feature version, without the events that copy this
     * machine's environment, system properties, processes and libraries into the file, and with the JVM's
     * arguments masked.
     */
    private static void record(int feature, Path target) throws IOException, RecordingException {
        Path home = Jdks.home(feature).orElseThrow(() -> new AssertionError("no JDK " + feature + " found"));
        Path work = Files.createTempDirectory("golden-jdk" + feature);
        Map<String, Map<String, String>> off = Map.of(
                "jdk.InitialEnvironmentVariable", Map.of("enabled", "false"),
                "jdk.InitialSystemProperty", Map.of("enabled", "false"),
                "jdk.SystemProcess", Map.of("enabled", "false"),
                "jdk.NativeLibrary", Map.of("enabled", "false"));
        Path settings = JfrSettings.write(home, work.resolve("golden.jfc"), off);
        Path raw = work.resolve("raw.jfr");
        new ChildJvm(home, Workload.class)
                .jvmOption("-XX:StartFlightRecording:filename=" + raw + ",settings=" + settings + ",dumponexit=true")
                .timeoutSeconds(120).run(work.resolve("child.log"));
        Files.createDirectories(target.getParent());
        RecordingRedactor.redact(raw, target, Long.MAX_VALUE, () -> false);
    }
}
