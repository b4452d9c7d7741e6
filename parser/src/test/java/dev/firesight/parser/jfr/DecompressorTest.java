package dev.firesight.parser.jfr;

import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingException;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.testing.GzipBombs;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compression bombs made in the test (10 GB of zeros in 10 MB), and the scratch files expansion leaves. */
class DecompressorTest {
    private static final int TEN_GB_OF_ZEROS = 160;

    @Test
    void aBombOfZerosStopsAtTheFirstBytes(@TempDir Path dir) throws Exception {
        Path bomb = GzipBombs.write(dir.resolve("bomb.jfr.gz"), new byte[0], TEN_GB_OF_ZEROS);
        assertTrue(Files.size(bomb) > 9_000_000, "a real 10 MB bomb: " + Files.size(bomb));
        try (CountingStream in = new CountingStream(Files.newInputStream(bomb))) {
            RecordingException e = assertThrows(RecordingException.class,
                    () -> Decompressor.expand(in, false, Long.MAX_VALUE, "bomb.jfr.gz"));
            assertEquals("bomb.jfr.gz is compressed, but what it holds is not a JFR recording (it does not start with"
                    + " the JFR file signature).", e.getMessage());
            assertTrue(in.count <= 1 << 17, "stopped within the first two reads, not after " + in.count + " bytes");
        }
        assertEquals(List.of(), myScratchFiles(), "nothing left in the cache");
        RecordingException e = assertThrows(RecordingException.class, () -> Recordings.open(bomb));
        assertTrue(e.getMessage().contains("not a JFR recording"), e.getMessage());
    }

    @Test
    void aRecordingFollowedByABombIsReadWithoutExpandingTheZeros(@TempDir Path dir) throws Exception {
        Path plain = TestRecordings.jdk17();
        byte[] recording = Files.readAllBytes(plain);
        Path bomb = GzipBombs.write(dir.resolve("recording-bomb.jfr.gz"), recording, TEN_GB_OF_ZEROS);
        long compressedHead = GzipBombs.member(recording).length;
        try (CountingStream in = new CountingStream(Files.newInputStream(bomb))) {
            Decompressor.Expanded expanded = Decompressor.expand(in, false, Long.MAX_VALUE, "recording-bomb.jfr.gz");
            try {
                assertEquals(recording.length, Files.size(expanded.file()), "the recording, and none of the zeros");
                assertTrue(expanded.cut().startsWith("The compressed recording holds more than 64 MiB of zero bytes"),
                        expanded.cut());
                assertTrue(in.count < compressedHead + (1 << 20), "read " + in.count + " of " + Files.size(bomb)
                        + " compressed bytes");
            } finally {
                Decompressor.release(expanded);
            }
        }
        Profile expected = Recordings.open(plain);
        Profile read = Recordings.open(bomb);
        assertEquals(expected.samples(ViewKind.CPU).size(), read.samples(ViewKind.CPU).size());
        assertTrue(read.warnings().stream().anyMatch(w -> w.kind() == dev.firesight.parser.Warning.Kind.COMPRESSED_CUT
                && w.sentence().contains("64 MiB of zero bytes")), read.warnings().toString());
        assertEquals(List.of(), myScratchFiles(), "the expanded copy is deleted after reading");
    }

    @Test
    void aRunEndedBySigtermLeavesNoExpandedFile(@TempDir Path dir) throws Exception {
        Path big = repeatedRecording(dir.resolve("big.jfr.gz"));
        Path cache = Files.createDirectory(dir.resolve("cache"));
        Path scratch = cache.resolve("firesight/tmp");
        Process child = child(cache, dir.resolve("home"), big, dir.resolve("child.log"));
        try {
            while (child.isAlive() && largestIn(scratch) < (32L << 20)) {
                Thread.sleep(20);
            }
            assertTrue(child.isAlive(), "still expanding when stopped: " + Files.readString(dir.resolve("child.log")));
            assertEquals(1, list(scratch).size(), "an expanded file while it runs");
            child.destroy(); // SIGTERM
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        assertEquals(List.of(), list(scratch), "shutdown deleted the expanded file");
    }

    /**
     * On a real file system with little room (a 600 MB tmpfs, mounted for the test; skipped where mounting is
     * not allowed), the expansion stops at the free space less the 512 MB it leaves, and says so.
     */
    @Test
    void theExpansionStopsAtTheFreeDiskSpace(@TempDir Path dir) throws Exception {
        Path big = repeatedRecording(dir.resolve("big.jfr.gz"));
        Path small = Files.createDirectory(dir.resolve("small-disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=600m", "tmpfs", small.toString())
                .redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0,
                "mounting a tmpfs is not allowed here");
        try {
            Process child = child(small, dir.resolve("home"), big, dir.resolve("child.log"));
            assertTrue(child.waitFor(120, TimeUnit.SECONDS));
            String said = Files.readString(dir.resolve("child.log"));
            assertTrue(said.startsWith("ok [The compressed recording expands beyond the disk space free in "
                    + small.resolve("firesight/tmp") + "; only its first "), said);
            long kept = Long.parseLong(said.replaceFirst("(?s).*only its first (\\d+) MiB were read.*", "$1"));
            assertTrue(kept > 0 && kept <= 600 - Decompressor.DISK_RESERVE_MB, "stopped at " + kept + " MiB");
            assertEquals(List.of(), list(small.resolve("firesight/tmp")), "and deleted after reading");
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A gzip that expands, slowly enough to be watched, into 600 MB of recording-like data (no zero runs). */
    private static Path repeatedRecording(Path file) throws IOException {
        byte[] member = GzipBombs.member(Files.readAllBytes(TestRecordings.jdk17()));
        try (var out = Files.newOutputStream(file)) {
            for (int i = 0; i < 1500; i++) {
                out.write(member);
            }
        }
        return file;
    }

    @Test
    void withoutAUsableHomeTheMessageNamesTheCacheFolder(@TempDir Path dir) throws Exception {
        Path gz = dir.resolve("recording.jfr.gz");
        Files.write(gz, GzipBombs.member(Files.readAllBytes(TestRecordings.jdk17())));
        Path home = Files.writeString(dir.resolve("home"), "a file, not a folder");
        Process child = child(null, home, gz, dir.resolve("child.log"));
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        String said = Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8).strip();
        assertEquals("error Cannot open recording.jfr.gz: it is compressed, and the cache folder "
                + home.resolve(".cache/firesight/tmp") + " to expand it into could not be created (a file of that"
                + " name is in the way); set XDG_CACHE_HOME to a folder you can write to.", said);
    }

    /** A child JVM opening {@code file}, with {@code XDG_CACHE_HOME} set to {@code cache} (or unset) and this home. */
    private static Process child(Path cache, Path home, Path file, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Duser.home=" + home, "-cp", System.getProperty("java.class.path"),
                ExpandInChild.class.getName(), file.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(log.toFile())
                .redirectError(log.resolveSibling(log.getFileName() + ".err").toFile());
        if (cache == null) {
            builder.environment().remove("XDG_CACHE_HOME");
        } else {
            builder.environment().put("XDG_CACHE_HOME", cache.toString());
        }
        return builder.start();
    }

    private static long largestIn(Path folder) throws IOException {
        long largest = 0;
        for (Path p : list(folder)) {
            try {
                largest = Math.max(largest, Files.size(p));
            } catch (IOException gone) {
                // deleted meanwhile
            }
        }
        return largest;
    }

    private static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }

    private static List<Path> myScratchFiles() throws IOException {
        String mine = "expanded-" + ProcessHandle.current().pid() + "-";
        return list(Decompressor.scratchFolder()).stream().filter(p -> p.getFileName().toString().startsWith(mine))
                .toList();
    }

    /** Counts the compressed bytes the expansion pulled. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }

}
