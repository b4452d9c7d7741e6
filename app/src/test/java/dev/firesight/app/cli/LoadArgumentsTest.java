package dev.firesight.app.cli;

import dev.firesight.parser.Warning;
import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingException;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Time ranges, views and stack depth applied while reading, and the out-of-memory sentence that names them. */
class LoadArgumentsTest {
    @Test
    void aRecordingThatDoesNotFitNamesTheOptionsThatLoadLess() throws Exception {
        Path recording = TestRecordings.asyncProfiler();
        RecordingException e = assertThrows(RecordingException.class, () -> open(recording, List.of(), 16 << 10));
        assertTrue(e.tooLarge());
        assertEquals(recording.getFileName() + " needs more than the 0 MiB of memory Firesight may use for it; load less"
                + " of it with --max-stack-depth 32 (shorter stacks), --from/--to (part of its time) or --views cpu (one"
                + " view), or give Java a larger heap (java -Xmx4g -jar firesight.jar ...).", e.getMessage());
        e = assertThrows(RecordingException.class,
                () -> open(recording, List.of("--max-stack-depth", "8", "--from", "1"), 16 << 10));
        assertTrue(e.getMessage().endsWith("; load less of it with --views cpu (one view), or give Java a larger heap"
                + " (java -Xmx4g -jar firesight.jar ...)."), e.getMessage());
    }

    @Test
    void theTimeRangeIsAppliedWhileReading() throws Exception {
        Path recording = TestRecordings.burst();
        Profile all = open(recording, List.of(), 0);
        Profile part = open(recording, List.of("--from", "1", "--to", "2.5"), 0);
        long from = all.info().startNanos() + 1_000_000_000L;
        long to = all.info().startNanos() + 2_500_000_000L;
        assertTrue(part.notes().stream().anyMatch(n -> n.startsWith("Only the samples from 1.0 s to 2.5 s")),
                part.notes().toString());
        for (ViewKind view : part.views()) {
            SampleTable samples = part.samples(view);
            // exactly the samples of the whole recording that lie in the range (to the table's microsecond)
            int inner = count(all.samples(view), from + 1_000, to - 1_000);
            int outer = count(all.samples(view), from - 1_000, to + 1_000);
            assertTrue(samples.size() >= inner && samples.size() <= outer,
                    view.id() + ": " + samples.size() + " samples, " + inner + " to " + outer + " expected");
            for (int i = 0; i < samples.size(); i++) {
                assertTrue(samples.timeNanos(i) >= from - 1_000_000 && samples.timeNanos(i) <= to + 1_000_000,
                        view.id() + " sample at " + samples.timeNanos(i));
            }
        }
    }

    @Test
    void aRangeThatCannotBeIsSaidSo() throws Exception {
        UsageException backwards = assertThrows(UsageException.class,
                () -> arguments(List.of("--from", "20", "--to", "10")));
        assertEquals("--from must not be later than --to.", backwards.getMessage());
        Profile beyond = open(TestRecordings.burst(), List.of("--from", "500", "--to", "600"), 0);
        assertTrue(beyond.notes().stream().anyMatch(n -> n.startsWith("The part asked for lies outside the recording,"
                + " which ran from ")), 
                beyond.notes().toString());
        assertTrue(beyond.views().isEmpty(), "nothing of it was loaded");
    }

    private static int count(SampleTable table, long from, long to) {
        int n = 0;
        for (int i = 0; i < table.size(); i++) {
            n += table.timeNanos(i) >= from && table.timeNanos(i) <= to ? 1 : 0;
        }
        return n;
    }

    @Test
    void viewsAndStackDepthAreAppliedWhileReading() throws Exception {
        Profile cut = open(TestRecordings.asyncProfiler(), List.of("--views", "cpu,alloc", "--max-stack-depth", "3"), 0);
        assertEquals(Set.of(ViewKind.CPU, ViewKind.ALLOC), cut.views());
        for (int i = 0; i < cut.samples(ViewKind.CPU).size(); i++) {
            assertTrue(cut.stacks().depth(cut.samples(ViewKind.CPU).stack(i)) <= 3);
        }
    }

    @Test
    void badValuesAreSentences() {
        assertEquals("--max-stack-depth needs a positive whole number of frames, not 'deep'.",
                assertThrows(UsageException.class, () -> arguments(List.of("--max-stack-depth", "deep"))).getMessage());
        assertEquals("unknown view 'heap' in --views; views are " + QueryOptions.knownViews() + ".",
                assertThrows(UsageException.class, () -> arguments(List.of("--views", "cpu,heap"))).getMessage());
        assertEquals("--view alloc must be one of the views loaded with --views.", assertThrows(UsageException.class,
                () -> new QueryOptions(List.of("x.jfr", "--view", "alloc", "--views", "cpu"), Set.of("collapsed")))
                .getMessage());
    }

    @Test
    void oneWarningLinePerKindWithACount() {
        assertEquals(List.of("Chunk 2 could not be read (CorruptDataException) and was skipped. (and 2 more like it)",
                "The 120 bytes after chunk 5 are zeros and were ignored."), dev.firesight.parser.Warning.grouped(List.of(
                unreadable(2), unreadable(3),
                new Warning(Warning.Kind.NOT_A_CHUNK, null, 0, 9000, "The 120 bytes after chunk 5 are zeros and were ignored."),
                unreadable(4))));
    }

    private static Warning unreadable(int chunk) {
        return new Warning(Warning.Kind.UNREADABLE_CHUNK, null, chunk, -1,
                "Chunk " + chunk + " could not be read (CorruptDataException) and was skipped.");
    }

    /** A real file with the same chunk three times: two warnings of one kind, one line on stderr. */
    @Test
    void repeatedDamageIsOneLineWithACount(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        byte[] recording = java.nio.file.Files.readAllBytes(TestRecordings.jdk17());
        Path thrice = dir.resolve("thrice.jfr");
        java.nio.file.Files.write(thrice, recording);
        java.nio.file.Files.write(thrice, recording, java.nio.file.StandardOpenOption.APPEND);
        java.nio.file.Files.write(thrice, recording, java.nio.file.StandardOpenOption.APPEND);
        CliRun run = CliRun.of("summary", thrice.toString());
        assertEquals(0, run.exitCode());
        assertEquals(List.of("firesight: warning: Chunk 2 repeats an earlier chunk and was skipped. (and 1 more like it)"),
                run.errLines());
        assertTrue(run.out().contains("  Chunk 2 repeats an earlier chunk and was skipped. (and 1 more like it)"),
                run.out());
    }

    @Test
    void summaryTakesTheLoadOptions() {
        CliRun run = CliRun.of("summary", TestRecordings.asyncProfiler().toString(), "--views", "cpu",
                "--max-stack-depth", "4");
        assertEquals(0, run.exitCode(), run.errLines().toString());
        assertTrue(run.out().contains("Top 10 methods by self, cpu"), run.out());
        assertTrue(!run.out().contains("Top 10 methods by self, alloc"), run.out());
        assertTrue(run.out().contains("Stacks were cut to their 4 frames nearest the leaf"), run.out());
    }

    private static LoadArguments arguments(List<String> raw) throws UsageException {
        return new LoadArguments(new Args(raw, LoadArguments.VALUED, Set.of()));
    }

    private static Profile open(Path file, List<String> raw, long budget) throws Exception {
        return ProfileFiles.open(file.toString(), new PrintStream(new ByteArrayOutputStream()),
                arguments(raw).withMemoryBudget(budget));
    }
}
