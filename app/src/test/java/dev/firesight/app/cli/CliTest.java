package dev.firesight.app.cli;

import dev.firesight.parser.testing.ConverterOracle;
import dev.firesight.parser.testing.JdkOracle;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.parser.testing.View;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line as a user runs it: real recordings in, exit codes and one-line errors out. */
class CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Cli.standard().execute(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void summaryNamesTheWorkloadsHotMethods() {
        Path recording = TestRecordings.asyncProfiler();
        assertEquals(0, run("summary", recording.toString()), err());
        String text = out();
        assertTrue(text.contains("Producer   async-profiler"), text);
        assertTrue(text.contains("Top 10 methods by self, cpu"), text);
        // Which of the CPU thread's methods leads depends on how the JIT inlined them (see Workload).
        assertTrue(text.matches("(?s).*\\n +[0-9.]+% +[0-9.]+% +dev\\.firesight\\.parser\\.testing\\.Workload\\."
                + "(mix|hashBlock|computeHashes)\\n.*"), "the CPU thread's hot method: " + text);
        assertTrue(text.contains("Top 10 methods by self, alloc"), text);
        assertTrue(text.contains("byte[]"), text);
        for (String view : List.of("cpu", "wall", "alloc", "alloc-count", "lock")) {
            assertTrue(text.matches("(?s).*\\n  " + view + " +[0-9,]+ events.*"), view + " listed:\n" + text);
        }
    }

    @Test
    void redactWritesACopyWithoutTheSecrets(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("shareable.jfr");
        assertEquals(0, run("redact", TestRecordings.jdk17().toString(), "-o", copy.toString()), err());
        assertTrue(out().matches("Wrote .*shareable\\.jfr: [1-9][0-9]* values? masked in 1 chunk\\.\\R"), out());
        assertEquals(0, run("summary", copy.toString()), err());
        assertTrue(out().contains("Top 10 methods by self, cpu"), out());

        assertEquals(2, run("redact", TestRecordings.jdk17().toString()));
        assertEquals("firesight redact: redact takes one recording file and -o OUT.jfr for the copy.\n", err());
        Path cut = Files.write(dir.resolve("cut.jfr"), java.util.Arrays.copyOf(
                Files.readAllBytes(TestRecordings.jdk17()), 5000));
        assertEquals(1, run("redact", cut.toString(), "-o", dir.resolve("cut-copy.jfr").toString()));
        assertTrue(err().startsWith("firesight redact: cut.jfr is damaged or unfinished"), err());
        assertFalse(Files.exists(dir.resolve("cut-copy.jfr")));
    }

    @Test
    void summaryPrintsGcPausesAndAllocationRateOfAJdkRecording() {
        assertEquals(0, run("summary", TestRecordings.jdk17().toString()), err());
        assertTrue(out().contains("GC pauses  "), out());
        assertTrue(out().contains("Allocation rate  mean"), out());
    }

    @Test
    void exportCollapsedEqualsTheConverterForEveryView(@TempDir Path dir) throws Exception {
        Path recording = TestRecordings.asyncProfiler();
        Map<View, dev.firesight.parser.testing.CollapsedStacks> converter = ConverterOracle.views(recording);
        for (View view : List.of(View.CPU, View.WALL, View.ALLOC, View.LOCK)) {
            Path file = dir.resolve(view.id() + ".txt");
            assertEquals(0, run("export", recording.toString(), "--view", view.id(), "--format", "collapsed",
                    "-o", file.toString()), err());
            assertEquals(converter.get(view).weights(), ConverterOracle.parseCollapsed(Files.readString(file)),
                    view.id());
        }
    }

    @Test
    void exportWithThreadsPutsTheThreadNameAtTheRoot() {
        Path recording = TestRecordings.jdk17();
        assertEquals(0, run("export", recording.toString(), "--view", "cpu", "--threads"), err());
        long total = JdkOracle.view(recording, View.CPU).totalWeight();
        long sum = 0;
        for (String line : out().split("\n")) {
            sum += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        }
        assertEquals(total, sum, "per-thread lines still sum to the view's total");
        assertTrue(out().lines().anyMatch(l -> l.startsWith("cpu-burner;") || l.contains("burn")), out());
    }

    @Test
    void exportFiltersByTimeIncludeAndExclude() {
        Path recording = TestRecordings.jdk17();
        assertEquals(0, run("export", recording.toString(), "--view", "cpu", "--include", ".*Workload\\.burnCpu.*"),
                err());
        assertFalse(out().isBlank());
        assertTrue(out().lines().allMatch(l -> l.contains("Workload.burnCpu")), out());
        assertEquals(0, run("export", recording.toString(), "--view", "cpu", "--exclude", ".*Workload\\.burnCpu.*"),
                err());
        assertTrue(out().lines().noneMatch(l -> l.contains("Workload.burnCpu")), out());
        assertEquals(0, run("export", recording.toString(), "--view", "cpu", "--from", "0", "--to", "0.000001"), err());
        assertTrue(out().lines().count() <= 2, "a microsecond holds at most a sample or two: " + out());
    }

    @Test
    void badInputGivesOneLineAndNonZeroExit(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.jfr"));
        Path text = Files.writeString(dir.resolve("notes.jfr"), "hello");
        assertOneLineError(run("summary", empty.toString()), "is empty");
        assertOneLineError(run("summary", text.toString()), "not a JFR recording");
        assertOneLineError(run("summary", dir.resolve("missing.jfr").toString()), "File not found");
        assertOneLineError(run("export", TestRecordings.jdk17().toString(), "--view", "bogus"), "unknown view");
        assertOneLineError(run("export", TestRecordings.jdk17().toString(), "--include", "("), "regular expression");
        assertOneLineError(run("export", TestRecordings.jdk17().toString(), "--from", "yesterday"), "--from");
        assertOneLineError(run("export", TestRecordings.jdk17().toString(), "--format", "pdf"), "--format");
        assertOneLineError(run("frobnicate"), "unknown command");
    }

    private void assertOneLineError(int code, String fragment) {
        assertTrue(code != 0, "non-zero exit for " + fragment);
        String e = err().strip();
        assertEquals(1, e.lines().count(), "one line: " + e);
        assertTrue(e.contains(fragment), e);
        assertFalse(e.contains("Exception") || e.contains("\tat "), "no stack trace: " + e);
    }

    @Test
    void partialReadExitsZeroWithAWarning(@TempDir Path dir) throws Exception {
        byte[] bytes = Files.readAllBytes(TestRecordings.asyncProfiler());
        Path cut = dir.resolve("cut.jfr");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length * 2 / 3));
        assertEquals(0, run("summary", cut.toString()), err());
        assertTrue(err().contains("warning"), err());
        assertTrue(out().contains("Views"), out());
    }

    @Test
    void diffColumnsSumToEachCapturesTotal() {
        Path base = TestRecordings.halved(1.0);
        Path target = TestRecordings.halved(0.5);
        assertEquals(0, run("diff", base.toString(), target.toString(), "--view", "alloc"), err());
        long b = 0;
        long t = 0;
        for (String line : out().split("\n")) {
            String[] parts = line.split(" ");
            b += Long.parseLong(parts[parts.length - 2]);
            t += Long.parseLong(parts[parts.length - 1]);
        }
        assertEquals(JdkOracle.view(base, View.ALLOC).totalWeight(), b);
        assertEquals(JdkOracle.view(target, View.ALLOC).totalWeight(), t);
    }
}
