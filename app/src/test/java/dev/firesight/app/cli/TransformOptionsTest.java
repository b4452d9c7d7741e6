package dev.firesight.app.cli;

import dev.firesight.parser.testing.CollapsedStacks;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.parser.testing.Workload;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --transform} and {@code --only-my-code} on {@code export}, {@code diff} and {@code summary}, on the
 * JDK 17 workload recording: the collapsed output changes as asked and its total stays.
 */
class TransformOptionsTest {
    private static final String RECORDING = TestRecordings.jdk17().toString();

    @Test
    void exportMergesCollapsesAndHidesLibraryCodeWithTheSameTotal() {
        Map<String, Long> plain = collapsed(CliRun.of("export", RECORDING, "--view", "cpu"));
        String computeHashes = Workload.frame("computeHashes");
        assertTrue(plain.keySet().stream().anyMatch(s -> s.contains(computeHashes)));

        Map<String, Long> merged = collapsed(CliRun.of("export", RECORDING, "--view", "cpu",
                "--transform", "merge=.*computeHashes"));
        assertFalse(merged.keySet().stream().anyMatch(s -> s.contains(computeHashes)), "merged away");
        assertEquals(CollapsedStacks.withoutFrame(plain, computeHashes), merged,
                "each stack loses the frame and its callees hang off its caller");
        assertEquals(total(plain), total(merged));

        Map<String, Long> mine = collapsed(CliRun.of("export", RECORDING, "--view", "cpu", "--only-my-code",
                "--transform=collapse=dev.firesight", "--transform", "collapse-recursion"));
        assertTrue(mine.keySet().stream().anyMatch(s -> s.contains("dev.firesight")));
        assertFalse(mine.keySet().stream().anyMatch(s -> s.contains("dev.firesight.")), "one frame per run");
        assertEquals(total(plain), total(mine));
    }

    @Test
    void summaryAndDiffTakeThem() {
        CliRun summary = CliRun.of("summary", RECORDING, "--transform", "collapse=" + Workload.class.getPackageName());
        assertEquals(0, summary.exitCode(), String.join("\n", summary.errLines()));
        assertTrue(summary.out().contains("  " + Workload.class.getPackageName() + "\n"), summary.out());
        // A committed recording whose CPU samples reach into the JDK: a fresh one of the workload need not (a CI
        // run's 308 samples were all in its own code, the JIT having inlined what it called).
        String golden = dev.firesight.parser.testing.GoldenRecordings.recording("jdk17").toString();
        CliRun plain = CliRun.of("diff", golden, golden, "--view", "cpu");
        assertTrue(plain.out().contains(";java."), "the workload calls into the JDK");
        CliRun diff = CliRun.of("diff", golden, golden, "--view", "cpu", "--only-my-code");
        assertEquals(0, diff.exitCode(), String.join("\n", diff.errLines()));
        // Only a stack with no code of its own keeps a JDK frame, its outermost.
        assertFalse(diff.out().contains(";java."), "library frames are hidden in the diff too");
    }

    @Test
    void aBadTransformIsOneLineBeforeLoading() {
        CliRun bad = CliRun.of("export", "/no/such/file.jfr", "--transform", "merge=(");
        assertEquals(2, bad.exitCode());
        assertEquals(1, bad.errLines().size(), String.join("\n", bad.errLines()));
        assertTrue(bad.errLines().get(0).contains("--transform 'merge=(' has an invalid regular expression"),
                bad.errLines().get(0));
        CliRun unknown = CliRun.of("export", RECORDING, "--transform", "fold");
        assertTrue(unknown.errLines().get(0).contains("unknown transform 'fold'"), unknown.errLines().get(0));
    }

    private static Map<String, Long> collapsed(CliRun run) {
        assertEquals(0, run.exitCode(), String.join("\n", run.errLines()));
        return CollapsedStacks.parse(run.out());
    }

    private static long total(Map<String, Long> stacks) {
        return stacks.values().stream().mapToLong(Long::longValue).sum();
    }
}
