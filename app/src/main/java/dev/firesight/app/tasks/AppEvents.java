package dev.firesight.app.tasks;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Timestamped milestones of the window's life ("window shown", "open started", "flame painted"...) for the
 * "file to pixels" benchmark, which reads them to learn when the app itself says a thing happened rather
 * than guessing from outside. Off unless the JVM runs with {@code -Dfiresight.events=FILE} (or
 * {@code =stderr}): then each event is one line, {@code EPOCH_MS MS_SINCE_JVM_START WHAT}, flushed at once
 * so a benchmark may kill the process as soon as it has read what it waited for. Off, an event costs one
 * volatile read and no allocation beyond the caller's string.
 */
public final class AppEvents {
    /** The system property naming where events go: a file path, or {@code stderr}. */
    public static final String PROPERTY = "firesight.events";

    private static volatile PrintStream out = open(System.getProperty(PROPERTY));
    private static long jvmStart = out == null ? 0 : ManagementFactory.getRuntimeMXBean().getStartTime();

    private AppEvents() {
    }

    /** True when events are recorded; callers building costly descriptions check it first. */
    public static boolean enabled() {
        return out != null;
    }

    /** Records that {@code what} happened now. */
    public static void event(String what) {
        PrintStream o = out;
        if (o == null) {
            return;
        }
        long now = System.currentTimeMillis();
        synchronized (AppEvents.class) {
            o.printf(Locale.ROOT, "%d %d %s%n", now, now - jvmStart, what);
            o.flush();
        }
    }

    /** Sends events to {@code sink} from now on (null stops them); for tests. */
    public static synchronized void recordTo(OutputStream sink) {
        out = sink == null ? null : new PrintStream(sink, true, StandardCharsets.UTF_8);
        jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static PrintStream open(String where) {
        if (where == null || where.isBlank()) {
            return null;
        }
        if (where.equals("stderr")) {
            return System.err;
        }
        try {
            return new PrintStream(new FileOutputStream(where, true), true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("firesight: cannot write events to " + where + ": " + e.getMessage());
            return null;
        }
    }
}
