package dev.firesight.app.compare;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.query.DiffTree;
import dev.firesight.parser.query.DiffTree.Normalization;
import dev.firesight.parser.query.ShareChange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The methods of a diff with their self (or total) weight in each capture, largest change first. In allocation
 * and lock views the leaf frame is the allocated or locked class; its weight goes to the method below
 * it, so the table names the code that changed. Free of JavaFX.
 */
public final class DiffMethods {
    /** One method (or allocated class, or thread) summed over every place it appears. */
    public record Row(int nameId, String name, double base, double target, long baseRaw, long targetRaw,
                      ShareChange change) {
        public double delta() {
            return target - base;
        }

        /** True when the change of the method's share is more than sampling noise. */
        public boolean significant() {
            return change.significant();
        }

        /** Relative to the baseline; infinite for new methods. */
        public double relative() {
            return base == 0 ? (target == 0 ? 0 : Double.POSITIVE_INFINITY) : (target - base) / base;
        }
    }

    private DiffMethods() {
    }

    /**
     * Rows of every method by its total: the weight of the stacks through it in each capture, each stack counted
     * once however often the method recurses in it, largest change first. Self alone hides the caller whose
     * work grew: a method that doubled its calls to a JDK method allocating all the bytes has no self weight.
     */
    public static List<Row> byTotal(DiffTree diff, Normalization n) {
        Map<Integer, Sums> sums = new HashMap<>();
        int[] onPath = new int[maxNameId(diff) + 1];
        // depth first, counting the names on the path: a node whose name is already above it adds nothing new
        int[] stack = new int[64];
        int[] next = new int[64];
        int depth = 0;
        stack[0] = DiffTree.ROOT;
        next[0] = diff.firstChild(DiffTree.ROOT);
        while (depth >= 0) {
            int child = next[depth];
            if (child < 0) {
                if (depth > 0) {
                    onPath[diff.nameId(stack[depth])]--;
                }
                depth--;
                continue;
            }
            next[depth] = diff.nextSibling(child);
            int name = diff.nameId(child);
            if (onPath[name]++ == 0 && diff.kind(child) != FrameKind.CLASS) {
                sums.computeIfAbsent(name, k -> new Sums()).add(child, diff.base(child, n), diff.target(child, n),
                        diff.baseTotal(child), diff.targetTotal(child), diff.baseSquares(child),
                        diff.targetSquares(child));
            }
            if (++depth == stack.length) {
                stack = java.util.Arrays.copyOf(stack, depth * 2);
                next = java.util.Arrays.copyOf(next, depth * 2);
            }
            stack[depth] = child;
            next[depth] = diff.firstChild(child);
        }
        return rows(diff, sums);
    }

    private static int maxNameId(DiffTree diff) {
        int max = 0;
        for (int node = 1; node < diff.size(); node++) {
            max = Math.max(max, diff.nameId(node));
        }
        return max;
    }

    /** Rows with any self weight in either capture, sorted by absolute self delta, largest first. */
    public static List<Row> of(DiffTree diff, Normalization n) {
        Map<Integer, Sums> sums = new HashMap<>();
        for (int node = 1; node < diff.size(); node++) {
            if (diff.baseSelf(node) == 0 && diff.targetSelf(node) == 0) {
                continue;
            }
            int method = diff.kind(node) == FrameKind.CLASS && diff.parent(node) > DiffTree.ROOT
                    ? diff.parent(node) : node;
            sums.computeIfAbsent(diff.nameId(method), k -> new Sums()).add(method, diff.baseSelf(node, n),
                    diff.targetSelf(node, n), diff.baseSelf(node), diff.targetSelf(node), diff.baseSelfSquares(node),
                    diff.targetSelfSquares(node));
        }
        return rows(diff, sums);
    }

    /** One method's weights summed over the nodes it counts at, in each capture, with a node that names it. */
    private static final class Sums {
        int node;
        double base;
        double target;
        double baseRaw;
        double targetRaw;
        double baseSquares;
        double targetSquares;

        void add(int node, double base, double target, double baseRaw, double targetRaw, double baseSquares,
                 double targetSquares) {
            this.node = node;
            this.base += base;
            this.target += target;
            this.baseRaw += baseRaw;
            this.targetRaw += targetRaw;
            this.baseSquares += baseSquares;
            this.targetSquares += targetSquares;
        }
    }

    /** One row per method from its sums. */
    private static List<Row> rows(DiffTree diff, Map<Integer, Sums> sums) {
        List<Row> rows = new ArrayList<>(sums.size());
        sums.forEach((id, s) -> rows.add(new Row(id, diff.name(s.node), s.base, s.target, (long) s.baseRaw,
                (long) s.targetRaw, diff.change(s.baseRaw, s.baseSquares, s.targetRaw, s.targetSquares))));
        rows.sort(Comparator.comparingDouble((Row r) -> -Math.abs(r.delta())).thenComparing(Row::name));
        return rows;
    }
}
