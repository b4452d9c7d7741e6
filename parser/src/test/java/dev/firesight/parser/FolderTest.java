package dev.firesight.parser;

import dev.firesight.parser.query.CallTreeBuilder;
import dev.firesight.parser.query.Collapsed;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.testing.JdkOracle;
import dev.firesight.parser.testing.TestRecordings;
import dev.firesight.parser.testing.View;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static dev.firesight.parser.testing.StackAssertions.assertSameStacks;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A folder of recordings opens as one recording: every view is the sum of its files' views, a chunk that two
 * files hold counts once, and each JVM is a source that filters like a thread.
 */
class FolderTest {

    @Test
    void aRepositoryLeftByAKilledJvmReadsAsTheSumOfItsChunkFiles() throws Exception {
        Path folder = TestRecordings.killedRepository();
        List<Path> files = jfrFiles(folder);
        assertTrue(files.size() >= 3, "the killed JVM left its chunk files: " + files);
        Profile merged = Recordings.open(folder);
        assertEquals(1, merged.sources().count(), "one JVM: " + merged.sources().names());
        // The JDK's parser on the files it can read (the last file, still being written, may have no readable
        // end), as one recording: their chunks laid end to end. One recording, because a thread's first allocation
        // sample of the recording can be in a later file (see ORACLES.md).
        java.io.ByteArrayOutputStream readable = new java.io.ByteArrayOutputStream();
        for (Path file : files) {
            try {
                JdkOracle.read(file);
                readable.write(Files.readAllBytes(file));
            } catch (UncheckedIOException | IllegalStateException e) {
                // not readable by the JDK: Firesight reads what it can of it, and the test below allows it
            }
        }
        Path chunks = Files.createTempFile("readable-chunks", ".jfr");
        Files.write(chunks, readable.toByteArray());
        JdkOracle.Result oracle = JdkOracle.read(chunks);
        Files.delete(chunks);
        for (View view : List.of(View.CPU, View.ALLOC, View.LOCK)) {
            Map<String, Long> expected = new HashMap<>(oracle.view(view).weights());
            long withoutStack = oracle.weightWithoutStack().getOrDefault(view, 0L);
            Map<String, Long> ours = stacks(merged, ViewKind.byId(view.id()));
            long oursTotal = sum(ours);
            long lastFile = sum(stacks(Recordings.open(files.get(files.size() - 1)), ViewKind.byId(view.id())));
            // stacks only in an earlier chunk's pool: the JDK drops those events, Firesight resolves them there
            assertTrue(oursTotal >= sum(expected) && oursTotal <= sum(expected) + withoutStack + lastFile,
                    view + ": " + oursTotal + " vs the JDK's " + sum(expected) + " (+" + withoutStack + ")");
            expected.forEach((stack, w) -> assertTrue(ours.getOrDefault(stack, 0L) >= w,
                    view + ": " + ours.getOrDefault(stack, 0L) + " < the JDK's " + w + ": " + stack));
        }
    }

    @Test
    void twoJvmsAreTwoSourcesAndAnOverlappingDumpCountsOnce() throws Exception {
        Path folder = TestRecordings.twoJvms();
        Profile merged = Recordings.open(folder);
        assertEquals(2, merged.sources().count(), merged.sources().names().toString());
        // Each JVM says which files it came from: a pid alone does not tell the user which recording is which.
        assertTrue(merged.sources().names().stream().allMatch(n -> n.matches("pid \\d+ .* in (\\d+ files|\\S+\\.jfr)")),
                merged.sources().names().toString());
        assertTrue(merged.warnings().isEmpty(), merged.warnings().toString());
        for (View view : List.of(View.CPU, View.ALLOC, View.LOCK)) {
            ViewKind kind = ViewKind.byId(view.id());
            Map<String, Long> all = new HashMap<>();
            for (String jvm : new String[] {"jvm-a", "jvm-b"}) {
                Profile alone = Recordings.open(folder.resolve(jvm));
                Map<String, Long> part = stacks(alone, kind);
                part.forEach((k, v) -> all.merge(k, v, Long::sum));
                // A source is named by its JVM, then the files it was read from, which differ between the loads.
                String name = alone.sources().names().get(0);
                String pid = name.substring(0, name.indexOf(" in "));
                int source = -1;
                for (int i = 0; i < merged.sources().count(); i++) {
                    source = merged.sources().names().get(i).startsWith(pid + " in ") ? i : source;
                }
                assertTrue(source >= 0, "the JVM is a source of the merged recording: " + merged.sources().names());
                Map<String, Long> filtered = merged.has(kind) ? Collapsed.toMap(CallTreeBuilder.build(merged,
                        ProfileQuery.of(kind).withThreads(merged.sources().threads(source)))) : Map.of();
                assertSameStacks(view + " of " + jvm + " alone vs filtered to its source", part, filtered);
            }
            // the sum of both, the copied chunk (overlap.jfr) counted once
            assertSameStacks(view + " merged", all, stacks(merged, kind));
        }
    }

    @Test
    void aFolderWithoutRecordingsIsOneSentence(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "hello");
        RecordingException e = org.junit.jupiter.api.Assertions.assertThrows(RecordingException.class,
                () -> Recordings.open(dir));
        assertEquals(dir.getFileName() + " holds no recordings (.jfr, .jfr.gz or .zip files).", e.getMessage());
        Files.writeString(dir.resolve("broken.jfr"), "not a recording");
        e = org.junit.jupiter.api.Assertions.assertThrows(RecordingException.class, () -> Recordings.open(dir));
        assertEquals(dir.getFileName() + " holds no readable recording: broken.jfr is not a JFR recording; it was"
                + " skipped.", e.getMessage());
    }

    private static List<Path> jfrFiles(Path folder) throws Exception {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".jfr")).sorted().toList();
        }
    }

    private static Map<String, Long> stacks(Profile profile, ViewKind view) {
        return profile.has(view) ? Collapsed.toMap(CallTreeBuilder.build(profile, ProfileQuery.of(view))) : Map.of();
    }

    private static long sum(Map<String, Long> stacks) {
        return stacks.values().stream().mapToLong(Long::longValue).sum();
    }
}
