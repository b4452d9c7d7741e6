package dev.firesight.parser.query;

import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.StackTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Callers and callees of one method, from the stack weights of a query. Each stack containing the method
 * counts once on each side, as if its recursion were collapsed: its caller is the frame below the method's
 * outermost frame (where the stack enters the method) and its callee the frame above its innermost frame
 * (where the method's work goes). So the callers' weights add up to {@link #whole()}, and so do the callees',
 * even under recursion, where counting every occurrence (or once per distinct caller) would list the method
 * as its own caller and pass 100%. "self" stands for samples where the innermost frame is the leaf, "root"
 * for samples where the outermost frame is the root; {@link #whole()} is the weight of all stacks containing
 * the method, so the rows' shares of it are what the callers and callees tables show.
 */
public final class Butterfly {
    /** Name id standing for "the method itself is the leaf" (callees) or "it is the root" (callers). */
    public static final int NONE = -1;

    private final List<HotMethods.Method> callers;
    private final List<HotMethods.Method> callees;
    private final long whole;

    private Butterfly(List<HotMethods.Method> callers, List<HotMethods.Method> callees, long whole) {
        this.callers = callers;
        this.callees = callees;
        this.whole = whole;
    }

    public static Butterfly empty() {
        return new Butterfly(List.of(), List.of(), 0);
    }

    /** The frames just below the method, heaviest first; {@link #NONE} ("(root)") where it is outermost. */
    public List<HotMethods.Method> callers() {
        return callers;
    }

    /** The frames just above the method, heaviest first; {@link #NONE} ("(self)") where it is the leaf. */
    public List<HotMethods.Method> callees() {
        return callees;
    }

    /** The weight of every stack containing the method. */
    public long whole() {
        return whole;
    }

    public static Butterfly of(Profile profile, StackWeights weights, int methodNameId, BooleanSupplier cancelled) {
        FrameTable frames = profile.frames();
        StackTable stacks = profile.stacks();
        Map<Integer, long[]> callers = new HashMap<>();
        Map<Integer, long[]> callees = new HashMap<>();
        long whole = 0;
        for (int i = 0; i < weights.size(); i++) {
            if ((i & 1023) == 0 && cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("butterfly was cancelled");
            }
            int stack = weights.stack(i);
            int depth = stacks.depth(stack);
            int outermost = -1;
            int innermost = -1;
            for (int d = 0; d < depth; d++) {
                if (frames.nameId(stacks.frame(stack, d)) == methodNameId) {
                    outermost = outermost < 0 ? d : outermost;
                    innermost = d;
                }
            }
            if (outermost < 0) {
                continue;
            }
            long w = weights.weight(i);
            whole += w;
            int caller = outermost == 0 ? NONE : frames.nameId(stacks.frame(stack, outermost - 1));
            int callee = innermost == depth - 1 ? NONE : frames.nameId(stacks.frame(stack, innermost + 1));
            callers.computeIfAbsent(caller, k -> new long[1])[0] += w;
            callees.computeIfAbsent(callee, k -> new long[1])[0] += w;
        }
        return new Butterfly(rows(profile, callers, "(root)"), rows(profile, callees, "(self)"), whole);
    }

    private static List<HotMethods.Method> rows(Profile profile, Map<Integer, long[]> sums, String noneName) {
        List<HotMethods.Method> rows = new ArrayList<>(sums.size());
        for (Map.Entry<Integer, long[]> e : sums.entrySet()) {
            int id = e.getKey();
            String name = id == NONE ? noneName : profile.frames().nameOf(id);
            rows.add(new HotMethods.Method(id, name, 0, e.getValue()[0]));
        }
        rows.sort(Comparator.comparingLong(HotMethods.Method::total).reversed()
                .thenComparing(HotMethods.Method::name));
        return rows;
    }
}
