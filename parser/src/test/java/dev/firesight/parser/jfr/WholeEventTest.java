package dev.firesight.parser.jfr;

import dev.firesight.parser.testing.TestRecordings;
import org.junit.jupiter.api.Test;

import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Resync trusts a run of events only when each decodes to exactly its size ({@link EventResync#wholeEvent}).
 * That must hold for every event that the JDK and async-profiler really write, or resync would skip real
 * events: checked here on every event of the real recordings.
 */
class WholeEventTest {
    @Test
    void everyRealEventDecodesToExactlyItsSize() throws Exception {
        for (Path file : List.of(TestRecordings.jdk17(), TestRecordings.jdk25(), TestRecordings.asyncProfiler(),
                TestRecordings.multiChunk())) {
            long checked = 0;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = channel.size();
                for (long offset = 0; offset < size; ) {
                    ChunkHeader header = RecordingReader.header(channel, offset, size);
                    assertNotNull(header, file + " at " + offset);
                    MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, offset, header.declaredSize);
                    map.order(ByteOrder.BIG_ENDIAN);
                    ByteReader in = new ByteReader(map);
                    Metadata metadata = Metadata.read(in, (int) header.metaOffset);
                    for (int pos = ChunkHeader.SIZE; pos < in.limit(); ) {
                        in.pos = pos;
                        int eventSize = in.varint();
                        long type = in.varlong();
                        if (type > 1) {
                            assertTrue(EventResync.wholeEvent(metadata, in, pos, eventSize), file.getFileName() + ": "
                                    + metadata.type(type).name + " at " + (offset + pos) + " does not decode to its size");
                            checked++;
                        }
                        pos += eventSize;
                    }
                    offset += header.declaredSize;
                }
            }
            assertTrue(checked > 1000, file + ": " + checked + " events");
        }
    }
}
