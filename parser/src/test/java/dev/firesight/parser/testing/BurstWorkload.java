package dev.firesight.parser.testing;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Quiet, then a burst of allocation, then quiet again: for allocation-rate timeline tests.
 *
 * <p>Thread {@value #THREAD}: quiet for {@code quietMillis} (default {@value #DEFAULT_QUIET_MILLIS}; it
 * sleeps and allocates almost nothing), then {@code burstMillis} (default {@value #DEFAULT_BURST_MILLIS})
 * of {@code byte[]} allocation from {@code BurstWorkload.burst}, then quiet again for {@code quietMillis}.
 * Prints {@code burst-start <epoch ms>} and {@code burst-end <epoch ms>} to stdout.
 */
public final class BurstWorkload {
    public static final String THREAD = "burst";
    public static final long DEFAULT_QUIET_MILLIS = 1500;
    public static final long DEFAULT_BURST_MILLIS = 1000;
    public static final int CHUNK_SIZE = 16 * 1024;

    private static volatile long sink;
    private static final Object[] RETAINED = new Object[64];

    private BurstWorkload() {
    }

    /** A frame name of this class as the oracles print it, e.g. {@code frame("burst")}. */
    public static String frame(String method) {
        return BurstWorkload.class.getName() + '.' + method;
    }

    public static void main(String[] args) throws InterruptedException {
        long quiet = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_QUIET_MILLIS;
        long burst = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_BURST_MILLIS;
        Thread thread = new Thread(() -> run(quiet, burst), THREAD);
        thread.start();
        thread.join();
        System.out.println("BurstWorkload done, sink=" + sink);
    }

    static void run(long quietMillis, long burstMillis) {
        quiet(quietMillis);
        System.out.println("burst-start " + System.currentTimeMillis());
        burst(burstMillis);
        System.out.println("burst-end " + System.currentTimeMillis());
        quiet(quietMillis);
    }

    static void quiet(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (System.nanoTime() < end) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
            sink++;
        }
    }

    static void burst(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        int i = 0;
        while (System.nanoTime() < end) {
            byte[] chunk = new byte[CHUNK_SIZE];
            chunk[i % CHUNK_SIZE] = (byte) i;
            RETAINED[i % RETAINED.length] = chunk;
            sink += chunk[0];
            i++;
        }
    }
}
