package dev.firesight.parser.jfr;

import dev.firesight.parser.util.IntList;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * A finished chunk's constant pools read before its events, following the chain of pool events back from the
 * header's offset: async-profiler writes its pools last, so without this the stacks of events met mid-chunk are
 * unknown until the end, and neither partial profiles nor the stack thread ({@link ConcurrentStacks}) could
 * resolve them. Then keeps count of the pool events the scan meets, so the chunk can tell whether they were
 * exactly the ones read ahead.
 */
final class PoolsAhead {
    /** Pool events followed back from the header's chain at most: a loop in damaged offsets ends here. */
    private static final int MAX_POOL_EVENTS = 1 << 20;

    /** The offsets of the pool events read ahead, in file order. */
    private final int[] offsets;
    /** Their bytes, and of those the scan has passed: what the progress bar counts. */
    private final long bytes;
    private long bytesPassed;
    /** Pool events the scan met that were read ahead, and whether it met one that was not. */
    private int met;
    private boolean missed;
    /** The offsets of every pool event the scan met. */
    private final IntList scanned = new IntList();

    private PoolsAhead(int[] offsets, long bytes) {
        this.offsets = offsets;
        this.bytes = bytes;
    }

    /**
     * Reads the pool events along the header's chain into {@code pools}, telling {@code bytesRead} the bytes read
     * so far as it goes (it may throw to cancel). Returns null when the chunk is not finished or its chain is not
     * whole; when reading fails part way, {@code pools} holds part of them and must be replaced.
     *
     * @throws CorruptDataException           when a pool event on the chain is damaged
     * @throws IndexOutOfBoundsException      likewise
     * @throws NegativeArraySizeException     likewise
     */
    static PoolsAhead read(ByteReader in, ChunkHeader header, ConstantPools pools, LongConsumer bytesRead) {
        if (!header.finished()) {
            return null;
        }
        IntList chain = new IntList();
        try {
            long at = header.cpOffset;
            for (int n = 0; n < MAX_POOL_EVENTS; n++) {
                in.pos = (int) at;
                int size = in.varint();
                if (in.varlong() != 1 || size <= 0 || size > in.limit() - at) {
                    return null;
                }
                chain.add((int) at);
                in.varlong(); // start time
                in.varlong(); // duration
                long delta = in.varlong();
                if (delta == 0) {
                    break;
                }
                at += delta;
                if (delta > 0 || at < ChunkHeader.SIZE) {
                    return null; // pool events chain backwards to the first
                }
            }
            int[] offsets = new int[chain.size()];
            for (int i = 0; i < offsets.length; i++) {
                offsets[i] = chain.get(offsets.length - 1 - i);
            }
            long bytes = 0;
            for (int event : offsets) {
                long before = bytes;
                pools.progressAt = position -> bytesRead.accept(before + position - event);
                bytes += readEvent(in, pools, event);
                bytesRead.accept(bytes);
            }
            return new PoolsAhead(offsets, bytes);
        } finally {
            pools.progressAt = null;
            in.unbound();
        }
    }

    /** Reads the pool event at {@code at} into {@code pools}; returns its size. */
    static int readEvent(ByteReader in, ConstantPools pools, int at) {
        in.pos = at;
        int size = in.varint();
        in.varlong(); // type
        in.bound(at + size);
        pools.read(in, at + size);
        in.unbound();
        return size;
    }

    /** The scan met the pool event at {@code [pos, end)}; true when it was read ahead, so it is not read again. */
    boolean met(int pos, int end) {
        scanned.add(pos);
        if (Arrays.binarySearch(offsets, pos) >= 0) {
            met++;
            bytesPassed += end - pos;
            return true;
        }
        missed = true;
        return false;
    }

    /** The bytes read when the scan is at {@code scanPos}: the pools read ahead and the events' bytes passed. */
    long bytesRead(int scanPos) {
        return bytes + scanPos - bytesPassed;
    }

    /** Whether the scan met exactly the pool events read ahead. */
    boolean exact() {
        return !missed && met == offsets.length;
    }

    /** Reads the pool events the scan met into {@code pools}, in its order; damage was said when it met them. */
    void readScanned(ByteReader in, ConstantPools pools) {
        for (int i = 0; i < scanned.size(); i++) {
            try {
                readEvent(in, pools, scanned.get(i));
            } catch (CorruptDataException | IndexOutOfBoundsException | NegativeArraySizeException e) {
                in.unbound(); // what was read of it is kept, as the scan kept it
            }
        }
    }
}
