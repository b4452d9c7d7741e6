package dev.firesight.parser.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One kind of pressure at a time, each a known cause of a finding, for {@code seconds} (default 3) on thread
 * {@value #THREAD} (and, for {@code lock}, three more threads). Modes: {@code boxing} (sums in a
 * {@code Map<Integer, Long>}), {@code strings} ({@code String.format} and growing builders), {@code resizing}
 * (lists and maps grown from their default size), {@code exceptions} (thrown and caught in a loop),
 * {@code lock} (four threads taking turns on one {@link Ledger}), {@code large} (1 MB buffers, allocated
 * outside TLABs), {@code idle-pool} (a pool of eight threads handed a small task every 10 ms: mostly parked
 * waiting for work, which is no lock contention), and {@code quiet} (a little work, mostly
 * asleep: the control, which no rule may fire on).
 */
public final class FindingsWorkload {
    public static final String THREAD = "pressure";
    private static volatile Object sink;

    private FindingsWorkload() {
    }

    /** The monitor of lock mode. */
    static final class Ledger {
        private long balance;

        synchronized void post(long amount) throws InterruptedException {
            balance += amount;
            Thread.sleep(2); // held while sleeping: the others wait
        }
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 3;
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        Ledger ledger = new Ledger();
        int count = mode.equals("lock") ? 4 : 1;
        for (int i = 0; i < count; i++) {
            threads.add(new Thread(() -> run(mode, end, ledger), i == 0 ? THREAD : THREAD + "-" + i));
        }
        if (mode.equals("idle-pool")) {
            idlePool(end);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        System.out.println("FindingsWorkload " + mode + " done");
    }

    private static void run(String mode, long end, Ledger ledger) {
        try {
            while (System.nanoTime() < end) {
                switch (mode) {
                    case "boxing" -> box();
                    case "strings" -> format();
                    case "resizing" -> grow();
                    case "exceptions" -> fail();
                    case "lock" -> ledger.post(1);
                    case "large" -> large();
                    default -> quiet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void box() {
        Map<Integer, Long> sums = new HashMap<>(8192);
        for (int i = 0; i < 4096; i++) {
            sums.merge(i, (long) i * 1000 + 7777, Long::sum);
        }
        sink = sums;
    }

    private static void format() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            sb.append(String.format("%08d:%s;", i, "value"));
        }
        sink = sb.toString();
    }

    private static void grow() {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            list.add(i & 127);
        }
        Map<Integer, Integer> map = new HashMap<>();
        for (int i = 0; i < 64; i++) {
            map.put(i, i);
        }
        sink = list.size() + map.size();
    }

    /** Buffers far larger than any TLAB: every one is allocated outside them. */
    private static void large() {
        for (int i = 0; i < 16; i++) {
            sink = new byte[1 << 20];
        }
    }

    private static void fail() {
        for (int i = 0; i < 100; i++) {
            try {
                throw new IllegalStateException("not found: " + i);
            } catch (IllegalStateException e) {
                sink = e;
            }
        }
    }

    private static void idlePool(long end) throws InterruptedException {
        java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(8, 8, 1,
                java.util.concurrent.TimeUnit.MINUTES, new java.util.concurrent.LinkedBlockingQueue<>());
        pool.prestartAllCoreThreads();
        while (System.nanoTime() < end) {
            pool.execute(() -> sink = new byte[64]);
            Thread.sleep(10);
        }
        pool.shutdown();
    }

    private static void quiet() throws InterruptedException {
        sink = new byte[64];
        Thread.sleep(20);
    }
}
