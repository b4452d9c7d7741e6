package dev.firesight.parser.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A real workload with well-known method names, run in a child JVM while a profiler records it.
 *
 * <p>Tests assert on these names, so keep them stable: {@code Workload.burnCpu} (calling
 * {@code computeHashes} → {@code hashBlock} → {@code mix}; once C2 inlines
 * and unrolls the inner loops, JFR may attribute a sample to the nearest debug-info scope, so from run to run
 * anywhere between none and half of the samples show {@code hashBlock}: key tests on {@code burnCpu} or
 * {@code computeHashes}), {@code Workload.allocateBuffers}
 * ({@code byte[]}), {@code Workload.buildStrings} ({@code java.lang.String}),
 * {@code Workload.contend} (two threads on one monitor), {@code Workload.contendLock} (two threads on one
 * {@link ReentrantLock}) and {@code Workload.parkAround} ({@code LockSupport.parkNanos}, once with the
 * blocker {@link ParkBlocker} and once without).
 *
 * <p>Threads: {@value #CPU_THREAD}, {@value #ALLOC_THREAD}, {@value #CONTENDER_THREAD}-1 and -2,
 * {@value #PARK_THREAD}, {@value #LOCK_THREAD}-1 and -2. Argument: duration in milliseconds (default {@value #DEFAULT_MILLIS}). See
 * {@link #ROTATIONS_PROPERTY} for multi-chunk recordings.
 */
public final class Workload {
    public static final String CPU_THREAD = "burn-cpu";
    public static final String ALLOC_THREAD = "allocator";
    public static final String CONTENDER_THREAD = "contender";
    public static final String PARK_THREAD = "parker";
    public static final String LOCK_THREAD = "lock-contender";
    public static final long DEFAULT_MILLIS = 3000;
    /**
     * System property: how many times, evenly spread over the run, to make JFR start a new chunk (by starting
     * and stopping an empty recording). Default 0.
     */
    public static final String ROTATIONS_PROPERTY = "firesight.workload.rotations";

    /** Size of each buffer allocated by {@code allocateBuffers}; large enough to sometimes miss the TLAB. */
    public static final int BUFFER_SIZE = 64 * 1024;
    /** Pause of the allocator thread after each round. */
    public static final long ALLOC_PAUSE_MILLIS = 4;
    /** Size of the rarer, large buffer, allocated outside the TLAB. */
    public static final int LARGE_BUFFER_SIZE = 2 * 1024 * 1024;

    /** The monitor the two contenders fight over. */
    public static final Object MONITOR = new Object();
    /**
     * The lock the two lock contenders fight over. async-profiler records ThreadPark only when the park
     * blocker is a java.util.concurrent lock, so this is what gives its lock view park events.
     */
    public static final ReentrantLock LOCK = new ReentrantLock();
    /** Passed to {@code LockSupport.parkNanos(Object, long)} so ThreadPark has a parked class. */
    public static final ParkBlocker BLOCKER = new ParkBlocker();

    /** Objects kept reachable so async-profiler's live-object view has something to show. */
    private static final Object[] RETAINED = new Object[256];
    private static volatile boolean stop;
    private static volatile long sink;

    private Workload() {
    }

    /** A frame name of this class as the oracles print it, e.g. {@code frame("burnCpu")}. */
    public static String frame(String method) {
        return Workload.class.getName() + '.' + method;
    }

    /** The class {@code parkAround} parks on; shows up as the ThreadPark parkedClass. */
    public static final class ParkBlocker {
    }

    public static void main(String[] args) throws InterruptedException {
        long millis = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_MILLIS;
        List<Thread> threads = new ArrayList<>();
        threads.add(new Thread(Workload::burnCpu, CPU_THREAD));
        threads.add(new Thread(Workload::allocate, ALLOC_THREAD));
        threads.add(new Thread(Workload::contend, CONTENDER_THREAD + "-1"));
        threads.add(new Thread(Workload::contend, CONTENDER_THREAD + "-2"));
        threads.add(new Thread(Workload::parkAround, PARK_THREAD));
        threads.add(new Thread(Workload::contendLock, LOCK_THREAD + "-1"));
        threads.add(new Thread(Workload::contendLock, LOCK_THREAD + "-2"));
        threads.forEach(Thread::start);
        int rotations = Integer.getInteger(ROTATIONS_PROPERTY, 0);
        long step = millis / (rotations + 1);
        for (int i = 0; i < rotations; i++) {
            Thread.sleep(step);
            ChunkRotator.rotate();
        }
        Thread.sleep(millis - step * rotations);
        stop = true;
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("Workload done, sink=" + sink);
    }

    static void burnCpu() {
        while (!stop) {
            sink += computeHashes(1000);
        }
    }

    static long computeHashes(int blocks) {
        long h = 17;
        for (int i = 0; i < blocks; i++) {
            h = h * 31 + hashBlock(i, h);
        }
        return h;
    }

    static long hashBlock(int block, long seed) {
        long h = seed ^ block;
        for (int i = 0; i < 64; i++) {
            h = mix(h, i);
        }
        return h;
    }

    static long mix(long h, int round) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL + round;
        h ^= h >>> 29;
        return h;
    }

    static void allocate() {
        int round = 0;
        while (!stop) {
            allocateBuffers(round);
            buildStrings(round);
            round++;
            // Paced (a few hundred MB/s), so that CPU profilers that count kernel time (page faults,
            // zeroing) still see burnCpu as the heaviest thread.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(ALLOC_PAUSE_MILLIS));
        }
    }

    static void allocateBuffers(int round) {
        for (int i = 0; i < 16; i++) {
            byte[] buffer = new byte[BUFFER_SIZE];
            buffer[i] = (byte) round;
            RETAINED[(round * 16 + i) % RETAINED.length] = buffer;
        }
        if (round % 8 == 0) {
            byte[] large = new byte[LARGE_BUFFER_SIZE];
            large[round % large.length] = 1;
            sink += large[0];
        }
    }

    static void buildStrings(int round) {
        long length = 0;
        for (int i = 0; i < 200; i++) {
            String s = new String(("item-" + round + "-" + i).getBytes(StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);
            length += s.length();
            if (i == 0) {
                RETAINED[(round * 7) % RETAINED.length] = s;
            }
        }
        sink += length;
    }

    static void contend() {
        while (!stop) {
            synchronized (MONITOR) {
                sleepQuietly(5);
            }
        }
    }

    static void contendLock() {
        while (!stop) {
            LOCK.lock();
            try {
                sleepQuietly(5);
            } finally {
                LOCK.unlock();
            }
        }
    }

    static void parkAround() {
        while (!stop) {
            LockSupport.parkNanos(BLOCKER, TimeUnit.MILLISECONDS.toNanos(2));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
