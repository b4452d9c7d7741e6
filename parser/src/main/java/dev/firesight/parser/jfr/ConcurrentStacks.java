package dev.firesight.parser.jfr;

import dev.firesight.parser.util.IntList;

import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Resolves one chunk's stacks beside the scan of the chunk's events, so a load uses both cores. The scan hands
 * over each chunk-local stack key as it first meets it; one thread names each stack's frames, a second interns
 * the named stacks in the prefix tree, in that same order, so every name, frame and stack gets the id a
 * sequential read gives it. Two, because on a deep one-chunk file the two halves take about as long each and
 * the scan ends well before them, so one thread doing both was what the whole load waited for: summary of the
 * 228 MiB async-profiler file at -Xmx1g, median of 6 alternating, 7.42 s with one, 6.71 s with two, for a
 * second more of CPU. On the 513 MiB JDK file, whose scan is long, it made no difference (7.87 and 7.75 s).
 * Not split, the naming thread interns as well.
 *
 * <p>While they run, the naming thread is the only one that interns names and frames, and the interning
 * thread (the naming one when not split) the only one that interns stacks; the scan writes sample rows only.
 * They resolve as in an intact chunk and stop at the first stack the pools lack: whether that one is "no
 * stack" or "[unresolved stack]" depends on damage the scan may still find, so from there on the chunk's own
 * thread resolves the rest, after the scan, as a sequential read would.
 */
final class ConcurrentStacks {
    /** Keys handed over at a time: one hand-over per this many new stacks, not per stack. */
    private static final int BLOCK = 512;
    private static final long[] END = new long[0];
    /** How often the waiting chunk thread looks at cancellation, the memory budget and progress. */
    private static final long WAIT_MS = 50;
    /** How often a partial profile's wait for the thread to catch up looks again. */
    private static final long CATCH_UP_NANOS = 200_000;

    /** Ints of named stacks handed to the interning thread at a time. */
    private static final int NAMED_BLOCK = 1 << 15;
    private static final int[] NAMED_END = new int[0];

    private final StackResolver resolver;
    private final ProfileBuilder builder;
    private final LinkedBlockingQueue<long[]> queue = new LinkedBlockingQueue<>();
    /**
     * Named stacks, each as its length (-1: no stack), whether it was truncated, then its frames; bounded
     * (8 MB), so that naming faster than interning cannot pile a chunk's frames up in the heap.
     */
    private final LinkedBlockingQueue<int[]> named = new LinkedBlockingQueue<>(64);
    private final Thread thread;
    /** The thread that interns the stacks: a second one when split, else the naming thread itself. */
    private final Thread interning;
    /** The block being filled by the scan: stack and class reference pairs. */
    private long[] block = new long[2 * BLOCK];
    private int filled;
    private int handedOver;
    // Written by the interning thread, read by the chunk's thread after it ends (or, for progress, as it goes).
    private final IntList stacks = new IntList();
    private final BitSet truncated = new BitSet();
    private volatile int resolved;
    private volatile boolean stopped;
    private volatile Throwable failure;
    /** Chunks whose stacks were resolved this way since the JVM started, for tests to see it happen. */
    static final java.util.concurrent.atomic.AtomicInteger STARTED = new java.util.concurrent.atomic.AtomicInteger();
    /** Of those, the chunks whose stacks were named and interned on two threads (not one, see the class comment). */
    static final java.util.concurrent.atomic.AtomicInteger SPLIT = new java.util.concurrent.atomic.AtomicInteger();

    /** Starts resolving with {@code resolver}, which must have its own byte reader (see {@link ByteReader#copy}). */
    ConcurrentStacks(StackResolver resolver, ProfileBuilder builder, boolean split) {
        this.resolver = resolver;
        this.builder = builder;
        this.thread = new Thread(this::run, "firesight-stacks");
        this.interning = split ? new Thread(this::intern, "firesight-stacks-interning") : thread;
        for (Thread t : split ? new Thread[] {thread, interning} : new Thread[] {thread}) {
            t.setDaemon(true);
            t.start();
        }
        STARTED.incrementAndGet();
        if (split) {
            SPLIT.incrementAndGet();
        }
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

    /** The naming thread: names each key's frames and hands them on, a block at a time. */
    private void run() {
        int[] out = new int[NAMED_BLOCK];
        int used = 0;
        try {
            while (true) {
                long[] keys = queue.poll();
                if (keys == null) {
                    // Nothing more for now: what is named goes on, so a wait for the stacks met so far ends.
                    if (used > 0) {
                        named.put(Arrays.copyOf(out, used));
                        used = 0;
                    }
                    keys = queue.take();
                }
                if (keys == END) {
                    return;
                }
                for (int i = 0; i < keys.length; i += 2) {
                    if (stopped) {
                        return;
                    }
                    int length = resolver.frames(keys[i], keys[i + 1]);
                    if (resolver.lastMissing) {
                        return; // not interned: the chunk's thread decides what it is (see the class comment)
                    }
                    if (interning == thread) {
                        resolved(length < 0 ? -1 : builder.stack(resolver.lastFrames, 0, length), resolver.lastTruncated);
                        continue;
                    }
                    int n = Math.max(0, length);
                    if (used + 2 + n > out.length) {
                        named.put(Arrays.copyOf(out, used));
                        used = 0;
                        if (2 + n > out.length) {
                            out = new int[2 + n];
                        }
                    }
                    out[used++] = length;
                    out[used++] = resolver.lastTruncated ? 1 : 0;
                    System.arraycopy(resolver.lastFrames, 0, out, used, n);
                    used += n;
                }
            }
        } catch (InterruptedException e) {
            // stopped
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            if (interning != thread) {
                handOnLast(used > 0 && failure == null ? Arrays.copyOf(out, used) : null);
            }
        }
    }

    /** Hands the last named stacks, if any, and the end to the interning thread, unless it was stopped. */
    private void handOnLast(int[] rest) {
        try {
            for (int[] block : rest == null ? new int[][] {NAMED_END} : new int[][] {rest, NAMED_END}) {
                while (!stopped && interning.isAlive() && !named.offer(block, WAIT_MS, TimeUnit.MILLISECONDS)) {
                    // the interning thread is draining the queue
                }
            }
        } catch (InterruptedException e) {
            // stopped: the interning thread is told by the flag and an interrupt
        }
    }

    private void resolved(int stack, boolean cut) {
        truncated.set(stacks.size(), cut);
        stacks.add(stack);
        resolved = stacks.size();
    }

    /** The interning thread: interns the named stacks in the order they were named. */
    private void intern() {
        try {
            while (true) {
                int[] block = named.take();
                if (block == NAMED_END) {
                    return;
                }
                for (int i = 0; i < block.length; ) {
                    if (stopped) {
                        return;
                    }
                    int length = block[i];
                    boolean cut = block[i + 1] != 0;
                    resolved(length < 0 ? -1 : builder.stack(block, i + 2, length), cut);
                    i += 2 + Math.max(0, length);
                }
            }
        } catch (InterruptedException e) {
            // stopped
        } catch (RuntimeException | Error e) {
            failure = e;
            thread.interrupt(); // the naming thread may wait for room in the queue this one no longer drains
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
        while (resolved < handedOver && interning.isAlive()) {
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
            while (interning.isAlive()) {
                between.run();
                progress.accept(resolved);
                try {
                    interning.join(WAIT_MS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // cancellation: between.run() throws next time round
                }
            }
        } catch (RuntimeException | Error e) {
            stop();
            throw e;
        }
        if (join(thread)) { // it ends before the interning thread can (see run's finally)
            Thread.currentThread().interrupt();
        }
        if (failure instanceof RuntimeException) {
            throw (RuntimeException) failure;
        }
        if (failure instanceof Error) {
            throw (Error) failure;
        }
    }

    /** Stops both threads and waits for them, so nothing is interned after the chunk's thread moved on. */
    void stop() {
        stopped = true;
        thread.interrupt();
        interning.interrupt();
        boolean interrupted = join(thread) | join(interning); // the same thread twice when not split
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for {@code t} to end, through interrupts; returns whether there was one. */
    private static boolean join(Thread t) {
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        return interrupted;
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
