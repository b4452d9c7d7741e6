package dev.firesight.app.attach;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Looks at the FX thread's stack every 10 ms and keeps each sample that shows it reading a recording,
 * building a query or attaching to a JVM: work that belongs on a worker thread. A sample can miss a
 * short call, but a sample it keeps is never a false alarm, whatever the load on the machine.
 */
final class FxStackSampler implements AutoCloseable {
    /** Frames (class name prefix, and method name or "*" for any) that must never be on the FX thread. */
    private static final String[][] FORBIDDEN = {
            {"dev.firesight.parser.jfr.", "*"},
            {"dev.firesight.parser.Recordings", "*"},
            {"dev.firesight.parser.query.StackWeights", "compute"},
            {"dev.firesight.parser.query.CallTreeBuilder", "build"},
            {"dev.firesight.parser.query.HotMethods", "of"},
            {"dev.firesight.parser.query.DiffTreeBuilder", "build"},
            {"dev.firesight.parser.query.Spikes", "find"},
            {"dev.firesight.attach.Attacher", "*"},
            {"dev.firesight.attach.Recorder", "*"},
            {"dev.firesight.attach.JvmDiscovery", "*"},
            {"sun.tools.attach.", "*"},
            {"com.sun.tools.attach.", "*"},
    };

    private final Thread fx;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-stack-sampler");
        t.setDaemon(true);
        return t;
    });
    private final List<String> findings = new CopyOnWriteArrayList<>();
    private final AtomicLong samples = new AtomicLong();

    FxStackSampler(Thread fx) {
        this.fx = fx;
    }

    FxStackSampler start() {
        sampler.scheduleAtFixedRate(this::sample, 0, 10, TimeUnit.MILLISECONDS);
        return this;
    }

    private void sample() {
        StackTraceElement[] stack = fx.getStackTrace();
        samples.incrementAndGet();
        for (StackTraceElement frame : stack) {
            if (forbidden(frame) && findings.size() < 20) {
                StringBuilder s = new StringBuilder("the FX thread in " + frame + ":\n");
                for (int i = 0; i < Math.min(30, stack.length); i++) {
                    s.append("    ").append(stack[i]).append('\n');
                }
                findings.add(s.toString());
                return;
            }
        }
    }

    static boolean forbidden(StackTraceElement frame) {
        for (String[] f : FORBIDDEN) {
            if (frame.getClassName().startsWith(f[0]) && (f[1].equals("*") || f[1].equals(frame.getMethodName()))) {
                return true;
            }
        }
        return false;
    }

    /** The kept samples, each with the FX thread's stack. */
    List<String> findings() {
        return new ArrayList<>(findings);
    }

    long samples() {
        return samples.get();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
