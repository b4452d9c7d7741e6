package dev.firesight.parser.jfr;

import java.nio.ByteBuffer;

/**
 * The fixed 68-byte header that starts every chunk. Offsets and sizes here come from the file and are
 * only trusted after they are checked against the bytes actually present.
 */
final class ChunkHeader {
    static final int SIZE = 68;
    static final int MAGIC = 0x464C5200; // "FLR\0"

    final long fileOffset;
    final int major;
    final int minor;
    final long declaredSize;
    final long cpOffset;
    final long metaOffset;
    final long startNanos;
    final long durationNanos;
    final long startTicks;
    final long ticksPerSecond;
    final int features;
    /**
     * The JDK's chunk generation byte (the first byte of the features word): 0 once the chunk is finished,
     * 1 to 254 counting flushes while JFR is still writing it, 255 while the header itself is rewritten.
     */
    final int generation;
    /** True when the declared size is plausible and every declared byte is in the file. */
    final boolean complete;
    /** Bytes of this chunk present in the file: the declared size, or what is left when cut off. */
    final long available;

    /** @param header the 68 header bytes; {@code bytesLeft} counts from the chunk's first byte */
    ChunkHeader(long fileOffset, ByteBuffer header, long bytesLeft) {
        this.fileOffset = fileOffset;
        major = header.getShort(4) & 0xFFFF;
        minor = header.getShort(6) & 0xFFFF;
        declaredSize = header.getLong(8);
        cpOffset = header.getLong(16);
        metaOffset = header.getLong(24);
        startNanos = header.getLong(32);
        durationNanos = header.getLong(40);
        startTicks = header.getLong(48);
        ticksPerSecond = header.getLong(56);
        features = header.getInt(64);
        generation = header.get(64) & 0xFF;
        complete = declaredSize >= SIZE && declaredSize <= bytesLeft;
        available = complete ? declaredSize : bytesLeft;
    }

    /**
     * True for the formats Firesight reads: 2.x (JDK 11 and later, async-profiler) and 1.0 (JDK 9 and 10),
     * whose chunk layout is the same (only type names differ, see {@link Metadata#modernName}).
     */
    boolean readableFormat() {
        return (major == 2 || major == 1 && minor == 0) && compressedIntegers();
    }

    boolean compressedIntegers() {
        return (features & 1) != 0;
    }

    /** A header offset is usable when it points inside the bytes present, past the header. */
    boolean validOffset(long offset) {
        return offset >= SIZE && offset < available;
    }

    /** True when the chunk was closed properly: complete, with both pool and metadata offsets set. */
    boolean finished() {
        return complete && validOffset(cpOffset) && validOffset(metaOffset);
    }

    /** The converter's tick-to-nanosecond rule, so times (and time filters) agree with it exactly. */
    double nanosPerTick() {
        return ticksPerSecond > 0 ? 1e9 / ticksPerSecond : 1.0;
    }

    long toNanos(long ticks) {
        return startNanos + (long) ((ticks - startTicks) * nanosPerTick());
    }
}
