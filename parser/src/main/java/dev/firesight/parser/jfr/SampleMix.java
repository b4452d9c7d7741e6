package dev.firesight.parser.jfr;

import dev.firesight.parser.ViewKind;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.Map;

/**
 * How the sample events at the start of a recording divide among the views, counted from the event headers of
 * the first bytes of its first chunk: a look that costs milliseconds where reading the file costs seconds, for a
 * reader to decide how to read it (the window reads a recording's CPU samples first when they are a small part of
 * its samples). It reads no stacks and no constant pools. A chunk's first part may not be typical of the whole
 * recording; the answer is a guide, not a count.
 */
public final class SampleMix {
    private SampleMix() {
    }

    /**
     * Sample events per view in the first {@code maxBytes} of the first chunk of {@code file}, each counted under
     * the first view its event type feeds (an execution sample under CPU, an allocation under alloc). Empty when
     * the file is not a plain recording Firesight reads (a folder, a compressed file, damage at its start).
     */
    public static Map<ViewKind, Long> of(Path file, long maxBytes) {
        Map<ViewKind, Long> counts = new EnumMap<>(ViewKind.class);
        if (!Files.isRegularFile(file)) {
            return counts;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ChunkHeader header = RecordingReader.header(channel, 0, channel.size());
            if (header == null || !header.readableFormat() || !header.validOffset(header.metaOffset)) {
                return counts;
            }
            MappedByteBuffer map = channel.map(FileChannel.MapMode.READ_ONLY, 0,
                    Math.min(header.available, Integer.MAX_VALUE - 8));
            map.order(ByteOrder.BIG_ENDIAN);
            ByteReader in = new ByteReader(map);
            Metadata metadata = Metadata.read(in, (int) header.metaOffset);
            Map<Long, ViewKind> viewOfType = new java.util.HashMap<>();
            for (SampleEvent kind : SampleEvent.values()) {
                JfrType type = metadata.type(kind.typeName);
                if (type != null) {
                    viewOfType.put(type.id, kind.views[0]);
                }
            }
            long limit = Math.min(in.limit(), maxBytes);
            int pos = ChunkHeader.SIZE;
            while (pos < limit) {
                in.pos = pos;
                int size = in.varint();
                long type = in.varlong();
                if (size <= 0 || pos + (long) size > in.limit()) {
                    break; // damage: what was counted so far is the answer
                }
                ViewKind view = viewOfType.get(type);
                if (view != null) {
                    counts.merge(view, 1L, Long::sum);
                }
                pos += size;
            }
        } catch (IOException | RuntimeException e) {
            counts.clear(); // not a recording to guide anything by
        }
        return counts;
    }
}
