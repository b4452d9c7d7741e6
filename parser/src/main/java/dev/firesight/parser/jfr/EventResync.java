package dev.firesight.parser.jfr;

/**
 * Finds event boundaries again after damaged bytes in a chunk. JFR has no sync marker, so the evidence is a
 * chain of events that follow one another with plausible sizes, types and start times (and, once the chunk's
 * metadata is known, that each decodes to exactly its size), or that reach the end of a complete chunk exactly.
 */
final class EventResync {
    /** How far past a broken event size to look for whole events again. */
    private static final int WINDOW = 1 << 20;
    /**
     * Consecutive whole events that count as having found the event boundaries again. Leftover bytes of a
     * damaged event can pass for an event or two; a run this long cannot.
     */
    private static final int CHAIN = 64;

    private final ByteReader in;
    private final ChunkHeader header;
    /** The ticks a start time may lie after the chunk's start, and before it; worked out on first use. */
    private long tickSpan;
    private long tickSlack;

    EventResync(ByteReader in, ChunkHeader header) {
        this.in = in;
        this.header = header;
    }

    /**
     * The first offset in {@code [from, min(to, from + WINDOW))} where a chain of {@value #CHAIN} events
     * starts; -1 if there is none.
     *
     * @param metadata the chunk's metadata, to check that each event of the chain is whole; null before it
     *                 is known (sizes, types and start times only)
     */
    int find(int from, int to, Metadata metadata) {
        int end = (int) Math.min(to, (long) from + WINDOW);
        for (int p = from; p < end; p++) {
            if (chainAt(p, metadata)) {
                return p;
            }
        }
        return -1;
    }

    private boolean chainAt(int p, Metadata metadata) {
        int limit = in.limit();
        int q = p;
        try {
            for (int n = 0; n < CHAIN; n++) {
                if (q == limit) {
                    return header.complete && n >= 2;
                }
                in.pos = q;
                int size = in.varint();
                if (size < 2 || size > limit - q) {
                    return false;
                }
                long type = in.varlong();
                if (type < 0 || type > 1 << 20) {
                    return false;
                }
                if (type != 0 && !plausibleTicks(in.varlong())) {
                    return false; // every event but metadata starts with its start time, in this chunk's span
                }
                if (metadata != null && type > 1 && !wholeEvent(metadata, in, q, size)) {
                    return false;
                }
                q += size;
            }
            return true;
        } catch (IndexOutOfBoundsException e) {
            return false;
        }
    }

    /**
     * True when the event at {@code at} is of a declared type whose fields, decoded from the start, take
     * exactly its {@code size}. Real events always do; leftover bytes of a damaged one that pass for an
     * event by their size, type and time almost never do, which is what tells a true resync point apart.
     */
    static boolean wholeEvent(Metadata metadata, ByteReader in, int at, int size) {
        in.pos = at;
        in.varint(); // size
        JfrType type = metadata.type(in.varlong());
        if (type == null) {
            return false;
        }
        in.bound(at + size);
        try {
            Values.skipFields(in, type, 0);
            return in.pos == at + size;
        } catch (CorruptDataException | IndexOutOfBoundsException e) {
            return false;
        } finally {
            in.unbound();
        }
    }

    /** True when a start time in ticks falls in this chunk (or, unfinished, within 30 days of its start). */
    private boolean plausibleTicks(long ticks) {
        if (tickSpan == 0) {
            double perSecond = header.ticksPerSecond > 0 ? header.ticksPerSecond : 1e9;
            double seconds = header.complete && header.durationNanos > 0 ? header.durationNanos / 1e9 + 1
                    : 30 * 86400;
            tickSpan = (long) Math.min(Long.MAX_VALUE / 4, seconds * perSecond) + 1;
            tickSlack = (long) perSecond;
        }
        return ticks >= header.startTicks - tickSlack && ticks - header.startTicks <= tickSpan;
    }
}
