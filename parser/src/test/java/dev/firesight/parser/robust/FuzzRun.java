package dev.firesight.parser.robust;

import dev.firesight.parser.testing.TestRecordings;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Runs {@link FuzzMain} in a child JVM with a 64 MB heap and sums up what the mutants gave. */
final class FuzzRun {
    static final String HEAP = "64m";

    record Line(long seed, Outcome.Kind kind, long millis, long allocated, long peakHeap, long events,
                String description, String summary) {
        static Line parse(String s) {
            String[] f = s.split("\t", 8);
            return new Line(Long.parseLong(f[0]), Outcome.Kind.valueOf(f[1]), Long.parseLong(f[2]),
                    Long.parseLong(f[3]), Long.parseLong(f[4]), Long.parseLong(f[5]), f[6], f[7]);
        }

        boolean bad() {
            return kind == Outcome.Kind.HANG || kind == Outcome.Kind.CRASH || summary.contains("needs more memory");
        }
    }

    final List<Line> lines = new ArrayList<>();
    final ChildProcess.Result result;
    final long wallMillis;

    FuzzRun(long firstSeed, int count, long timeoutMillis, long childTimeoutSeconds) throws IOException {
        Path work = TestRecordings.directory().resolveSibling("fuzz");
        List<String> args = new ArrayList<>(List.of(Long.toString(firstSeed), Integer.toString(count),
                Long.toString(timeoutMillis), work.toString(), TestRecordings.jdk17().toString(),
                TestRecordings.asyncProfiler().toString(), TestRecordings.multiChunk().toString()));
        long start = System.nanoTime();
        result = ChildProcess.run(HEAP, childTimeoutSeconds, FuzzMain.class, args);
        wallMillis = (System.nanoTime() - start) / 1_000_000;
        for (String s : result.lines()) {
            lines.add(Line.parse(s));
        }
    }

    Map<Outcome.Kind, Integer> counts() {
        Map<Outcome.Kind, Integer> counts = new TreeMap<>();
        lines.forEach(l -> counts.merge(l.kind, 1, Integer::sum));
        return counts;
    }

    Line slowest() {
        return lines.stream().max((a, b) -> Long.compare(a.millis, b.millis)).orElseThrow();
    }

    Line largestHeap() {
        return lines.stream().max((a, b) -> Long.compare(a.peakHeap, b.peakHeap)).orElseThrow();
    }

    Line mostAllocated() {
        return lines.stream().max((a, b) -> Long.compare(a.allocated, b.allocated)).orElseThrow();
    }

    List<Line> bad() {
        return lines.stream().filter(Line::bad).toList();
    }

    String figures() {
        Line slow = slowest();
        Line heap = largestHeap();
        Line alloc = mostAllocated();
        return String.format(Locale.ROOT, "%d mutants in %.1f s (child JVM, -Xmx%s): %s; slowest %d ms (seed %d: %s);"
                        + " largest heap growth %.1f MB (seed %d: %s); most allocated %.1f MB (seed %d)",
                lines.size(), wallMillis / 1000.0, HEAP, counts(), slow.millis, slow.seed, slow.description,
                heap.peakHeap / 1048576.0, heap.seed, heap.description, alloc.allocated / 1048576.0, alloc.seed);
    }
}
