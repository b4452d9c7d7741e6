package dev.firesight.app.cli;

import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** -o that cannot or must not be written: one sentence before any work, and nothing touched. */
class OutputOptionsTest {
    @Test
    void aMissingFolderIsNamedInASentence(@TempDir Path dir) {
        Path out = dir.resolve("sub/dir/cpu.svg");
        String recording = TestRecordings.jdk17().toString();
        String sentence = "The folder " + dir.resolve("sub/dir") + " does not exist; create it first or choose another"
                + " place for cpu.svg.";
        assertEquals(List.of("firesight export: " + sentence),
                stderrOf(2, "export", recording, "--format", "svg", "-o", out.toString()));
        assertEquals(List.of("firesight diff: " + sentence),
                stderrOf(2, "diff", recording, recording, "--format", "svg", "-o", out.toString()));
        assertEquals(List.of("firesight redact: " + sentence.replace("cpu.svg", "copy.jfr")),
                stderrOf(2, "redact", recording, "-o", dir.resolve("sub/dir/copy.jfr").toString()));
    }

    @Test
    void aSymbolicLinkIsRefusedAndItsTargetKept(@TempDir Path dir) throws Exception {
        Path victim = Files.writeString(dir.resolve("victim"), "precious");
        Path link = Files.createSymbolicLink(dir.resolve("cpu.svg"), victim);
        List<String> err = stderrOf(2, "export", TestRecordings.jdk17().toString(), "--format", "svg", "-o",
                link.toString());
        assertEquals(List.of("firesight export: " + link + " is a symbolic link, not a regular file; Firesight replaces"
                + " only regular files, so choose another name."), err);
        assertEquals("precious", Files.readString(victim));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aRegularFileIsReplacedWholeAndOwnerOnly(@TempDir Path dir) throws Exception {
        Path out = Files.writeString(dir.resolve("cpu.collapsed"), "old");
        assertEquals(List.of(), stderrOf(0, "export", TestRecordings.jdk17().toString(), "--view", "cpu", "-o",
                out.toString()));
        assertTrue(Files.readString(out).lines().allMatch(l -> l.matches(".+ \\d+")), "collapsed stacks");
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(out)));
    }

    private static List<String> stderrOf(int expectedExit, String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(expectedExit, run.exitCode(), String.join("\n", run.errLines()));
        return run.errLines();
    }
}
