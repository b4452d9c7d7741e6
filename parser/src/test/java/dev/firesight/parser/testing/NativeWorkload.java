package dev.firesight.parser.testing;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Native memory that leaks beside native memory that is freed, through {@code sun.misc.Unsafe} (what direct
 * buffers use underneath). Thread {@value #THREAD}, every 5 ms for the given seconds (default 3):
 * {@code churn} allocates {@value #CHURN_BYTES} bytes and frees them at once, {@code leak} allocates
 * {@value #LEAK_BYTES} bytes and keeps them.
 */
public final class NativeWorkload {
    public static final String THREAD = "native";
    public static final int LEAK_BYTES = 64 * 1024;
    public static final int CHURN_BYTES = 256 * 1024;
    private static final List<Long> KEPT = new ArrayList<>();

    private NativeWorkload() {
    }

    /** A frame name of this class as the oracles print it. */
    public static String frame(String method) {
        return NativeWorkload.class.getName() + '.' + method;
    }

    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 3;
        Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        sun.misc.Unsafe unsafe = (sun.misc.Unsafe) field.get(null);
        Thread thread = new Thread(() -> run(unsafe, seconds), THREAD);
        thread.start();
        thread.join();
        System.out.println("NativeWorkload kept " + KEPT.size() + " blocks");
    }

    private static void run(sun.misc.Unsafe unsafe, long seconds) {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            churn(unsafe);
            leak(unsafe);
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void churn(sun.misc.Unsafe unsafe) {
        long address = unsafe.allocateMemory(CHURN_BYTES);
        unsafe.setMemory(address, CHURN_BYTES, (byte) 1);
        unsafe.freeMemory(address);
    }

    private static void leak(sun.misc.Unsafe unsafe) {
        long address = unsafe.allocateMemory(LEAK_BYTES);
        unsafe.setMemory(address, LEAK_BYTES, (byte) 2);
        KEPT.add(address);
    }
}
