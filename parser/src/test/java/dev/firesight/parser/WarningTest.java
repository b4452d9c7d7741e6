package dev.firesight.parser;

import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Warnings say what kind of damage, in which chunk and at which byte of the file, so a caller (and a user
 * opening the file in a hex editor) finds the spot, and tests need not match sentences.
 */
class WarningTest {

    @Test
    void aCutFileNamesItsChunkAndAByteBeforeTheCut(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(TestRecordings.jdk17());
        int cut = whole.length * 2 / 3;
        Path file = dir.resolve("cut.jfr");
        Files.write(file, Arrays.copyOf(whole, cut));
        List<Warning> warnings = Recordings.open(file).warnings();
        assertTrue(warnings.stream().anyMatch(w -> w.kind() == Warning.Kind.INCOMPLETE_CHUNK), warnings::toString);
        for (Warning w : warnings) {
            assertEquals(1, w.chunk(), w::toString);
            assertTrue(w.offset() == -1 || w.offset() > 0 && w.offset() <= cut,
                    () -> "offset " + w.offset() + " within the " + cut + " bytes: " + w);
            assertEquals(null, w.file(), "one file: no file name before the sentence");
            assertEquals(w.sentence(), w.text());
        }
        Warning incomplete = warnings.stream().filter(w -> w.kind() == Warning.Kind.INCOMPLETE_CHUNK).findFirst()
                .orElseThrow();
        assertEquals(cut, incomplete.offset(), "the chunk stops where the file does");
    }

    @Test
    void bytesAfterTheLastChunkAreNamedAtTheirOffset(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(TestRecordings.jdk17());
        byte[] withTail = Arrays.copyOf(whole, whole.length + 300);
        Arrays.fill(withTail, whole.length, withTail.length, (byte) 0x5A);
        Path file = dir.resolve("tail.jfr");
        Files.write(file, withTail);
        List<Warning> warnings = Recordings.open(file).warnings();
        assertEquals(List.of(Warning.Kind.NOT_A_CHUNK), warnings.stream().map(Warning::kind).toList(), warnings::toString);
        assertEquals(whole.length, warnings.get(0).offset(), "the first byte that is not a chunk");
        assertEquals(0, warnings.get(0).chunk(), "about no chunk");
    }

    @Test
    void aFolderNamesTheFileOfEachWarning(@TempDir Path dir) throws Exception {
        byte[] whole = Files.readAllBytes(TestRecordings.jdk17());
        Files.write(dir.resolve("a-intact.jfr"), whole);
        Files.write(dir.resolve("b-cut.jfr"), Arrays.copyOf(whole, whole.length * 2 / 3));
        List<Warning> warnings = Recordings.open(dir).warnings();
        assertTrue(!warnings.isEmpty(), "the cut file warns");
        for (Warning w : warnings) {
            assertEquals("b-cut.jfr", w.file(), w::toString);
            assertTrue(w.text().startsWith("b-cut.jfr: "), w::text);
        }
    }
}
