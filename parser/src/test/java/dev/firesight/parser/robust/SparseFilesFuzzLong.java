package dev.firesight.parser.robust;

import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Time to an answer on sparse, zero-filled files of 4 GB and 32 GB, made with {@code truncate} so they cost
 * no disk: each must be answered within 10 s by a child JVM with -Xmx256m. Only in {@code mvn -Pfuzz}
 * (a timing check has no place in {@code verify}); the figures are printed and written to
 * {@code target/sparse-files.txt}.
 *
 * <p>Shapes: a real recording followed by zeros; a lone chunk header declaring size 0 (a recording in
 * progress) followed by zeros; the same header declaring the whole file; and a recording, zeros, and
 * another recording at the very end, which the scan must still find.
 */
class SparseFilesFuzzLong {
    private static final long LIMIT_MILLIS = 10_000;

    @Test
    void sparseFilesAnswerWithinTenSeconds(@TempDir Path dir) throws Exception {
        byte[] recording = Files.readAllBytes(TestRecordings.jdk17());
        byte[] other = Files.readAllBytes(TestRecordings.asyncProfiler());
        List<String> files = new ArrayList<>();
        for (long gb : new long[] {4, 32}) {
            long size = gb << 30;
            files.add(make(dir.resolve("recording-then-zeros-" + gb + "g.jfr"), recording, size, -1, false).toString());
            files.add(make(dir.resolve("header-size0-then-zeros-" + gb + "g.jfr"), head(recording), size, 0, false)
                    .toString());
            files.add(make(dir.resolve("header-whole-file-" + gb + "g.jfr"), head(recording), size, size, false)
                    .toString());
            Path both = make(dir.resolve("recording-zeros-recording-" + gb + "g.jfr"), recording, size, -1, false);
            files.add(make(both, other, size, -1, true).toString());
        }
        ChildProcess.Result result = ChildProcess.run("256m", 600, OpenInChild.class, files);
        StringBuilder report = new StringBuilder();
        List<String> slow = new ArrayList<>();
        for (String line : result.lines()) {
            String[] f = line.split("\t");
            report.append(f[0]).append(": ").append(f[1]).append(" in ").append(f[4]).append(" ms; ").append(f[5])
                    .append('\n');
            if (Long.parseLong(f[4]) > LIMIT_MILLIS || f[1].equals("HANG") || f[1].equals("CRASH")) {
                slow.add(line);
            }
        }
        System.out.print(report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "sparse-files.txt"), report);
        DamagedFilesReport.replaceSection("sparse", "Sparse files (`SparseFilesFuzzLong`, `mvn -Pfuzz`), each opened"
                + " by a child JVM with -Xmx256m:\n\n" + report.toString().lines().map(l -> "- " + l)
                .collect(java.util.stream.Collectors.joining("\n")) + "\n");
        assertFalse(result.timedOut(), result.stderrTail());
        assertEquals(0, result.exitCode(), result.stderrTail());
        assertEquals(files.size(), result.lines().size(), report.toString());
        assertTrue(slow.isEmpty(), "over 10 s or failed: " + slow);
        long first = events(result.lines(), "recording-then-zeros-4g");
        for (String gb : new String[] {"4g", "32g"}) {
            assertTrue(events(result.lines(), "recording-zeros-recording-" + gb) > first,
                    "the recording at the end is found too: " + report);
        }
    }

    private static long events(List<String> lines, String name) {
        return lines.stream().filter(l -> l.startsWith(name + ".jfr\t")).mapToLong(l -> Long.parseLong(l.split("\t")[2]))
                .findFirst().orElse(-1);
    }

    /** The first chunk header of a recording, alone. */
    private static byte[] head(byte[] recording) {
        return java.util.Arrays.copyOf(recording, 68);
    }

    /**
     * Writes {@code bytes} (at the start, or at the end when {@code atEnd}) into a file extended to {@code size}
     * with {@code truncate}; a {@code declaredSize} of 0 or more is patched into the chunk header.
     */
    private static Path make(Path file, byte[] bytes, long size, long declaredSize, boolean atEnd) throws Exception {
        byte[] data = bytes.clone();
        if (declaredSize >= 0) {
            ByteBuffer.wrap(data).putLong(8, declaredSize);
        }
        if (!Files.exists(file)) {
            Process truncate = new ProcessBuilder("truncate", "-s", String.valueOf(size), file.toString()).start();
            assertEquals(0, truncate.waitFor());
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(data);
            long at = atEnd ? size - data.length : 0;
            while (buffer.hasRemaining()) {
                at += channel.write(buffer, at);
            }
        } catch (IOException e) {
            throw new IOException("cannot write " + file, e);
        }
        return file;
    }
}
