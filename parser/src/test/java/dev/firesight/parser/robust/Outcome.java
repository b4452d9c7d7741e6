package dev.firesight.parser.robust;

import dev.firesight.parser.LoadOptions;
import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingException;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.Warning;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Firesight made of one file, in the terms a user sees: a profile (with or without warnings) and
 * how many events and samples it holds, or the one-sentence error; plus how long it took and how many
 * bytes the loading thread allocated (an upper bound of the heap it could have grown by).
 */
record Outcome(Kind kind, long events, long samples, int unresolvedStacks, List<Warning> warnings, String error,
               long millis, long allocatedBytes) {
    enum Kind {
        /** A profile and no warnings. */
        OK,
        /** A profile with warnings: what was readable. */
        PARTIAL,
        /** A {@link RecordingException}: the clean error. */
        ERROR,
        /** Anything else escaped: a bug. */
        CRASH,
        /** Did not finish in time: a bug. */
        HANG
    }

    private static final Pattern UNRESOLVED = Pattern.compile("refers to ([\\d,]+) stack traces");

    static Outcome of(Profile profile, long millis, long allocated) {
        long events = profile.info().eventCounts().values().stream().mapToLong(Long::longValue).sum();
        long samples = 0;
        for (ViewKind view : profile.views()) {
            if (view != ViewKind.ALLOC_COUNT) {
                samples += profile.samples(view).size();
            }
        }
        int unresolved = 0;
        for (Warning w : profile.warnings()) {
            Matcher m = UNRESOLVED.matcher(w.sentence());
            if (m.find()) {
                unresolved += Integer.parseInt(m.group(1).replace(",", ""));
            }
        }
        return new Outcome(profile.warnings().isEmpty() ? Kind.OK : Kind.PARTIAL, events, samples, unresolved,
                List.copyOf(profile.warnings()), null, millis, allocated);
    }

    /** Opens the file on a fresh thread, giving up (HANG) after {@code timeoutMillis}. */
    static Outcome firesight(Path file, LoadOptions options, long timeoutMillis) {
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "firesight-open");
            t.setDaemon(true);
            return t;
        });
        long start = System.nanoTime();
        try {
            Future<Outcome> future = executor.submit(() -> open(file, options));
            return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new Outcome(Kind.HANG, 0, 0, 0, List.of(), "no result after " + timeoutMillis + " ms",
                    (System.nanoTime() - start) / 1_000_000, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    private static Outcome open(Path file, LoadOptions options) {
        long allocatedBefore = allocated();
        long start = System.nanoTime();
        try {
            Profile profile = dev.firesight.parser.Recordings.open(file, options);
            long millis = (System.nanoTime() - start) / 1_000_000;
            return of(profile, millis, allocated() - allocatedBefore);
        } catch (RecordingException e) {
            return new Outcome(Kind.ERROR, 0, 0, 0, List.of(), e.getMessage(),
                    (System.nanoTime() - start) / 1_000_000, allocated() - allocatedBefore);
        } catch (Throwable e) {
            return new Outcome(Kind.CRASH, 0, 0, 0, List.of(), e.toString(),
                    (System.nanoTime() - start) / 1_000_000, allocated() - allocatedBefore);
        }
    }

    private static long allocated() {
        var bean = ManagementFactory.getThreadMXBean();
        if (bean instanceof com.sun.management.ThreadMXBean sun) {
            return sun.getThreadAllocatedBytes(Thread.currentThread().getId());
        }
        return 0;
    }

    boolean hasProfile() {
        return kind == Kind.OK || kind == Kind.PARTIAL;
    }

    /** True when a warning of this kind names {@code chunk} (0: any chunk). */
    boolean warns(Warning.Kind kind, int chunk) {
        return warnings.stream().anyMatch(w -> w.kind() == kind && (chunk == 0 || w.chunk() == chunk));
    }

    /** One table cell: "partial: 1234 events (56 samples); <first warning>" or "error: <sentence>". */
    String summary() {
        switch (kind) {
            case OK:
                return "ok: " + events + " events, " + samples + " samples";
            case PARTIAL:
                return "partial: " + events + " events, " + samples + " samples"
                        + (unresolvedStacks > 0 ? ", " + unresolvedStacks + " unresolved stacks" : "")
                        + "; " + warnings.stream().map(Warning::text).collect(java.util.stream.Collectors.joining(" "));
            default:
                return kind.name().toLowerCase(java.util.Locale.ROOT) + ": " + error;
        }
    }
}
