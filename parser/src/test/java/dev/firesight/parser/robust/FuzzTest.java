package dev.firesight.parser.robust;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 300 seeded mutants of real recordings, in a 64 MB child JVM: each gives a profile or a clean error
 * within 10 s, never a hang, an escaped exception or an out-of-memory error. The longer run is
 * {@link RecordingFuzzLong} ({@code mvn -Pfuzz}).
 */
class FuzzTest {
    static final int COUNT = 300;

    @Test
    void mutantsGiveAProfileOrACleanError() throws Exception {
        FuzzRun run = new FuzzRun(1, COUNT, 10_000, 90);
        System.out.println(run.figures());
        assertFalse(run.result.timedOut(), "fuzz child timed out after " + run.lines.size() + " mutants");
        assertEquals(0, run.result.exitCode(), run.result.stderrTail());
        assertTrue(run.bad().isEmpty(), () -> "bad mutants (kept under target/fuzz): " + run.bad());
        assertEquals(COUNT, run.lines.size());
        assertTrue(run.slowest().millis() < 10_000, run::figures);
        assertTrue(run.counts().getOrDefault(Outcome.Kind.PARTIAL, 0) > COUNT / 4, run::figures);
    }
}
