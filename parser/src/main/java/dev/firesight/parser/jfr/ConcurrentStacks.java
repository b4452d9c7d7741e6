package dev.firesight.parser.jfr;

import dev.firesight.parser.util.IntList;

import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.IntConsumer;

/**
 * Resolves one chunk's stacks on a second thread while the chunk's events are scanned, so a load uses both
 * cores. The scan hands over each chunk-local stack key as it first meets it; this thread resolves and
 * interns them in that same order, so every name, frame and stack gets the id a sequential read gives it.
 *
 * <p>While it runs, this thread is the only one that interns names, frames and stacks; the scan writes
 * sample rows only. It resolves as in an intact chunk and stops at the first stack the pools lack: whether
 * that one is "no stack" or "[unresolved stack]" depends on damage the scan may still find, so from there on
 * the chunk's own thread resolves the rest, after the scan, as a sequential read would.
 */
final class ConcurrentStacks {
    /** Keys handed over at a time: one hand-over per this many new stacks, not per stack. */
    private static final int BLOCK = 512;
    private static final long[] END = new long[0];
    /** How often the waiting chunk thread looks at cancellation, the memory budget and progress. */
    private static final long WAIT_MS = 50;
    /** How often a partial profile's wait for the thread to catch up looks again. */
    private static final long CATCH_UP_NANOS = 200_000;

    private final StackResolver resolver;
    private final LinkedBlockingQueue<long[]> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    /** The block being filled by the scan: stack and class reference pairs. */
    private long[] block = new long[2 * BLOCK];
    private int filled;
    private int handedOver;
    // Written by this thread, read by the chunk's thread after join (or, for progress, as it goes).
    private final IntList stacks = new IntList();
    private final BitSet truncated = new BitSet();
    private volatile int resolved;
    private volatile boolean stopped;
    private Throwable failure;
    /** Chunks whose stacks were resolved this way since the JVM started, for tests to see it happen. */
    static final java.util.concurrent.atomic.AtomicInteger STARTED = new java.util.concurrent.atomic.AtomicInteger();

    /** Starts resolving with {@code resolver}, which must have its own byte reader (see {@link ByteReader#copy}). */
    ConcurrentStacks(StackResolver resolver) {
        this.resolver = resolver;
        this.thread = new Thread(this::run, "firesight-stacks");
        thread.setDaemon(true);
        thread.start();
        STARTED.incrementAndGet();
    }

    /** Hands over the next chunk-local stack key (called by the scan, in key order). */
    void add(long stackRef, long classRef) {
        block[filled++] = stackRef;
        block[filled++] = classRef;
        handedOver++;
        if (filled == block.length) {
            queue.add(block);
            block = new long[2 * BLOCK];
            filled = 0;
        }
    }

    private void run() {
        try {
            while (true) {
                long[] keys = queue.take();
                if (keys == END) {
                    return;
                }
                for (int i = 0; i < keys.length; i += 2) {
                    if (stopped) {
                        return;
                    }
                    int stack = resolver.stack(keys[i], keys[i + 1]);
                    if (resolver.lastMissing) {
                        return; // not interned: the chunk's thread decides what it is (see the class comment)
                    }
                    truncated.set(stacks.size(), resolver.lastTruncated);
                    stacks.add(stack);
                    resolved = stacks.size();
                }
            }
        } catch (InterruptedException e) {
            // stopped
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    /**
     * Hands over the keys met so far and waits until they are resolved (or the thread stopped at a missing
     * stack), checking {@code between} while it waits; returns the stacks resolved. The thread then interns
     * nothing until the next key is handed over, so the profile's stacks can be read meanwhile.
     */
    IntList caughtUp(Runnable between) {
        if (filled > 0) {
            queue.add(Arrays.copyOf(block, filled));
            filled = 0;
        }
        while (resolved < handedOver && thread.isAlive()) {
            between.run();
            java.util.concurrent.locks.LockSupport.parkNanos(CATCH_UP_NANOS);
        }
        return stacks;
    }

    /**
     * Waits until every key handed over is resolved (or the first missing stack stopped it), checking
     * {@code between} (cancellation, the memory budget) and telling {@code progress} how many are done while
     * it waits. Stops the thread when {@code between} throws.
     */
    void finish(Runnable between, IntConsumer progress) {
        if (filled > 0) {
            queue.add(Arrays.copyOf(block, filled));
        }
        queue.add(END);
        try {
            while (thread.isAlive()) {
                between.run();
                progress.accept(resolved);
                try {
                    thread.join(WAIT_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // cancellation: between.run() throws next time round
                }
            }
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
    }

    /** Stops the thread and waits for it, so nothing is interned after the chunk's thread moved on. */
    void stop() {
        stopped = true;
        queue.add(END);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Keys handed over so far. */
    int handedOver() {
        return handedOver;
    }

    /** The global stack of each key resolved, in key order (after {@link #finish}). */
    IntList stacks() {
        return stacks;
    }

    /** Which of the keys resolved hang under the truncated frame (after {@link #finish}). */
    BitSet truncated() {
        return truncated;
    }

    StackResolver resolver() {
        return resolver;
    }

    /**
     * A chunk's stacks were resolved with pools other than those its scan met (only damage does that): the
     * ids they took cannot be given back, so the whole load is read again on one thread.
     */
    static final class Mismatch extends RuntimeException {
        Mismatch(int chunkIndex) {
            super("chunk " + (chunkIndex + 1) + ": constant pools read ahead differ from those the scan met", null,
                    false, false);
        }
    }
}
