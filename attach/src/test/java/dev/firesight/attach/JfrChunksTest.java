package dev.firesight.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots keep only the complete chunks of a recording still being written. */
class JfrChunksTest {
    @TempDir
    Path dir;

    @Test
    void stopsBeforeTheChunkStillBeingWritten() throws IOException {
        Path file = dir.resolve("growing.jfr");
        ByteBuffer bytes = ByteBuffer.allocate(100 + 80 + 90);
        chunk(bytes, 100, 100);
        chunk(bytes, 80, 80);
        chunk(bytes, 90, 1L << 30); // placeholder size of the chunk in progress
        Files.write(file, bytes.array());

        assertEquals(180, JfrChunks.completeLength(file));
        Path snapshot = dir.resolve("snapshot.jfr");
        assertEquals(180, JfrChunks.copyComplete(file, snapshot));
        assertEquals(180, Files.size(snapshot));
    }

    @Test
    void noCompleteChunkGivesAnEmptySnapshot() throws IOException {
        Path file = dir.resolve("new.jfr");
        ByteBuffer bytes = ByteBuffer.allocate(70);
        chunk(bytes, 70, 1L << 30);
        Files.write(file, bytes.array());
        assertEquals(0, JfrChunks.completeLength(file));
    }

    private static void chunk(ByteBuffer buffer, int length, long declaredSize) {
        int start = buffer.position();
        buffer.putInt(0x464c5200).putShort((short) 2).putShort((short) 1).putLong(declaredSize);
        buffer.position(start + length);
    }
}
