package dev.firesight.parser.robust;

import dev.firesight.parser.RecordingException;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.Secrets;
import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Named pipes made with {@code mkfifo}: opening one waits for a writer, forever if none comes, so a reader
 * that opened it would hang. Firesight refuses them, and anything else that is not a regular file, by its
 * type, before opening. The timeouts below only keep a regression from hanging the build; they are not a
 * claim about speed.
 */
class SpecialFilesTest {
    private static final String REFUSED = "pipe.jfr is a named pipe (FIFO), not a regular file; Firesight reads"
            + " recordings from files only, so save the data to a file first.";

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPipeWithNoWriterIsRefusedNotWaitedOn(@TempDir Path dir) throws Exception {
        Path fifo = mkfifo(dir.resolve("pipe.jfr"));
        assertEquals(REFUSED, assertThrows(RecordingException.class, () -> Recordings.open(fifo)).getMessage());
        assertEquals(REFUSED, assertThrows(RecordingException.class,
                () -> Secrets.writeRedactedCopy(fifo, dir.resolve("copy.jfr"), () -> false)).getMessage());
        assertFalse(Files.exists(dir.resolve("copy.jfr")));
    }

    @Test
    @Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPipeWithAWriterIsCalledAPipe(@TempDir Path dir) throws Exception {
        Path fifo = mkfifo(dir.resolve("pipe.jfr"));
        Process writer = new ProcessBuilder("sh", "-c", "cat \"$1\" > \"$2\"", "sh",
                TestRecordings.jdk17().toString(), fifo.toString()).start();
        try {
            assertTrue(writer.isAlive(), "the writer waits for a reader");
            assertEquals(REFUSED, assertThrows(RecordingException.class, () -> Recordings.open(fifo)).getMessage());
            assertTrue(writer.isAlive(), "nothing was read from the pipe");
        } finally {
            writer.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aDeviceIsRefusedByItsType() {
        RecordingException e = assertThrows(RecordingException.class, () -> Recordings.open(Path.of("/dev/zero")));
        assertEquals("zero is a device, not a regular file; Firesight reads recordings from files only, so save the"
                + " data to a file first.", e.getMessage());
    }

    @Test
    void aLinkToARecordingIsRead(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link.jfr"), TestRecordings.jdk17());
        assertTrue(Recordings.open(link).views().size() > 0);
    }

    private static Path mkfifo(Path path) throws Exception {
        Process mkfifo = new ProcessBuilder("mkfifo", path.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        return path;
    }
}
