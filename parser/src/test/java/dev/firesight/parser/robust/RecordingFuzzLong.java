package dev.firesight.parser.robust;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The long fuzz run, only in {@code mvn -Pfuzz} (the name matches no default surefire pattern). The count
 * comes from {@code -Dfiresight.fuzz.count} (default 5000), the first seed from {@code -Dfiresight.fuzz.seed}
 * (default 1000000, past the seeds of {@link FuzzTest}). The figures are written to
 * {@code docs/damaged-files.md} (between the fuzz markers) and to {@code target/fuzz-long.txt}.
 */
class RecordingFuzzLong {
    @Test
    void manyMutants() throws Exception {
        int count = Integer.getInteger("firesight.fuzz.count", 5000);
        long seed = Long.getLong("firesight.fuzz.seed", 1_000_000L);
        FuzzRun run = new FuzzRun(seed, count, 10_000, Math.max(120, count / 5));
        String figures = "Long run (`mvn -Pfuzz`, seeds " + seed + ".." + (seed + count - 1) + "): " + run.figures()
                + (run.bad().isEmpty() ? "; no hang, crash or out-of-memory." : "; BAD: " + run.bad());
        System.out.println(figures);
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve("fuzz-long.txt"), String.join("\n", run.result.lines()) + "\n");
        DamagedFilesReport.replaceSection("fuzz-long", figures + "\n");
        assertFalse(run.result.timedOut(), "fuzz child timed out after " + run.lines.size() + " mutants");
        assertEquals(0, run.result.exitCode(), run.result.stderrTail());
        assertTrue(run.bad().isEmpty(), () -> "bad mutants (kept under target/fuzz): " + run.bad());
        assertEquals(count, run.lines.size());
    }
}
