package dev.firesight.parser.robust;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 300 seeded mutants of real recordings, in a 64 MB child JVM: each gives a profile or a clean error, never a
 * hang, an escaped exception or an out-of-memory error. The time limits only tell a hang from slowness on a
 * busy machine, far above what any mutant takes (the figures printed say how long they took); the longer run
 * is {@link RecordingFuzzLong} ({@code mvn -Pfuzz}).
 */
class FuzzTest {
    static final int COUNT = 300;

    @Test
    void mutantsGiveAProfileOrACleanError() throws Exception {
        FuzzRun run = new FuzzRun(1, COUNT, 120_000, 1_800);
        System.out.println(run.figures());
        assertFalse(run.result.timedOut(), "fuzz child timed out after " + run.lines.size() + " mutants");
        assertEquals(0, run.result.exitCode(), run.result.stderrTail());
        assertTrue(run.bad().isEmpty(), () -> "bad mutants (kept under target/fuzz): " + run.bad());
        assertEquals(COUNT, run.lines.size());
        assertTrue(run.counts().getOrDefault(Outcome.Kind.PARTIAL, 0) > COUNT / 4, run::figures);
    }
}
