package dev.firesight.parser.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A heap that leaks at a steady pace until it runs out, or (with {@code churn}) steady garbage with no leak.
 *
 * <p>Args: mode ({@code leak}, {@code churn}, {@code steady}: churn beside a 24 MiB working set made at the
 * start and kept, or {@code journal}: no garbage, only short strings kept for good in a list, all of them made by
 * JDK code called from {@code Journal.record}), then seconds for churn, steady and journal. Every 10 ms the thread
 * {@value #THREAD} allocates {@value #GARBAGE_PER_TICK} bytes of short-lived {@code byte[]} and, in leak mode,
 * keeps {@value #LEAK_PER_TICK} more bytes in {@code AuditLog.ENTRIES} for good. Leak mode catches the
 * {@link OutOfMemoryError}, frees the newest half of the leak (the oldest stays alive for JFR's old-object
 * sampler), prints {@code oom <epoch ms>} and {@code late <ms>} (how far the leak fell behind its pace) and exits
 * normally, so JFR writes its recording.
 * Prints {@code start <epoch ms>} first.
 */
public final class MemoryWorkload {
    public static final String THREAD = "memory";
    public static final int LEAK_PER_TICK = 48 * 1024;
    public static final int GARBAGE_PER_TICK = 512 * 1024;

    private static volatile Object sink;

    private MemoryWorkload() {
    }

    /**
     * A working set of fixed size that turns over, in {@code steady} mode, as a cache does: entries replaced
     * in turn at the leak's rate, so many sampled objects are alive at the end while the heap does not grow.
     */
    static final class Cache {
        static final List<byte[]> ENTRIES = new ArrayList<>();
        static final int ENTRY = 4096;
        static final int COUNT = 6 * 1024; // 24 MiB in a 64 MiB heap
        private static int next;

        static void fill() {
            for (int i = 0; i < COUNT; i++) {
                ENTRIES.add(new byte[ENTRY]);
            }
        }

        static void put() {
            ENTRIES.set(next, new byte[ENTRY]);
            next = (next + 1) % COUNT;
        }
    }

    /** Where the leak is kept, as a leak hunter would find it. */
    static final class AuditLog {
        static final List<byte[]> ENTRIES = new ArrayList<>();

        static void record(int bytes) {
            ENTRIES.add(new byte[bytes]);
        }
    }

    /** A leak of strings the JDK builds and a list the JDK grows: every allocation's top frame is the JDK's. */
    static final class Journal {
        static final List<String> LINES = new ArrayList<>();
        /** Makes each line about 400 bytes: 2.5 MB a second, enough allocation for JFR's old-object sampler. */
        private static final String TEXT = "x".repeat(380);

        static void record(long tick, int i) {
            LINES.add("tick " + tick + " line " + i + " " + TEXT);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        boolean leak = args.length == 0 || args[0].equals("leak");
        boolean steady = args.length > 0 && args[0].equals("steady");
        if (steady) {
            Cache.fill();
        }
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 600;
        boolean journal = args.length > 0 && args[0].equals("journal");
        Thread thread = new Thread(() -> {
            if (journal) {
                journal(seconds);
            } else {
                run(leak, steady, seconds);
            }
        }, THREAD);
        System.out.println("start " + System.currentTimeMillis());
        thread.start();
        thread.join();
    }

    private static void journal(long seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        for (long tick = 0; System.nanoTime() < end; tick++) {
            for (int i = 0; i < 64; i++) {
                Journal.record(tick, i);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void run(boolean leak, boolean steady, long seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long next = System.nanoTime();
        long ticks = 0;
        try {
            while (System.nanoTime() < end) {
                for (int i = 0; i < GARBAGE_PER_TICK / 8192; i++) {
                    sink = new byte[8192];
                }
                for (int i = 0; i < LEAK_PER_TICK / 4096; i++) {
                    if (leak) {
                        AuditLog.record(4096);
                    } else if (steady) {
                        Cache.put();
                    }
                }
                if (steady && ++ticks % 25 == 0) {
                    // The old generation collected four times a second, as a service's collector eventually does:
                    // the replaced entries that reached it are freed, so the heap after collection stays flat.
                    // Once a second left stretches of the trend's windows (about 0.7 s over 8 s) with only young
                    // collections, whose readings rise with the garbage promoted since: one CI run read that as
                    // growth of 14 MiB/min and called the working set a leak.
                    System.gc();
                }
                next += 10_000_000L;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                }
            }
        } catch (OutOfMemoryError e) {
            // Free the newest half, so that JFR has room to write the recording; the oldest half stays alive
            // for the old-object sampler to report, held by AuditLog.ENTRIES.
            List<byte[]> entries = AuditLog.ENTRIES;
            entries.subList(entries.size() / 2, entries.size()).clear();
            System.gc();
            System.out.println("oom " + System.currentTimeMillis());
            // How far behind its 10 ms pace the leak had fallen (a busy machine, collections near the limit):
            // the out-of-memory error came that much later than the pace alone would have it.
            System.out.println("late " + Math.max(0, (System.nanoTime() - next) / 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
