package dev.firesight.parser.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A heap that leaks at a steady pace until it runs out, or (with {@code churn}) steady garbage with no leak.
 *
 * <p>Args: mode ({@code leak} or {@code churn}), then seconds for churn. Every 10 ms the thread
 * {@value #THREAD} allocates {@value #GARBAGE_PER_TICK} bytes of short-lived {@code byte[]} and, in leak mode,
 * keeps {@value #LEAK_PER_TICK} more bytes in {@code AuditLog.ENTRIES} for good. Leak mode catches the
 * {@link OutOfMemoryError}, frees the newest half of the leak (the oldest stays alive for JFR's old-object
 * sampler), prints {@code oom <epoch ms>} and exits normally, so JFR writes its recording.
 * Prints {@code start <epoch ms>} first.
 */
public final class MemoryWorkload {
    public static final String THREAD = "memory";
    public static final int LEAK_PER_TICK = 48 * 1024;
    public static final int GARBAGE_PER_TICK = 512 * 1024;

    private static volatile Object sink;

    private MemoryWorkload() {
    }

    /** Where the leak is kept, as a leak hunter would find it. */
    static final class AuditLog {
        static final List<byte[]> ENTRIES = new ArrayList<>();

        static void record(int bytes) {
            ENTRIES.add(new byte[bytes]);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        boolean leak = args.length == 0 || args[0].equals("leak");
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 600;
        Thread thread = new Thread(() -> run(leak, seconds), THREAD);
        System.out.println("start " + System.currentTimeMillis());
        thread.start();
        thread.join();
    }

    private static void run(boolean leak, long seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long next = System.nanoTime();
        try {
            while (System.nanoTime() < end) {
                for (int i = 0; i < GARBAGE_PER_TICK / 8192; i++) {
                    sink = new byte[8192];
                }
                if (leak) {
                    for (int i = 0; i < LEAK_PER_TICK / 4096; i++) {
                        AuditLog.record(4096);
                    }
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
