package dev.firesight.parser.query;

import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.StackTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Callers and callees of one method, from the stack weights of a query: for each stack containing the
 * method, the frame just below it (its caller) and just above it (its callee). A stack counts once per
 * caller or callee, so recursion does not inflate the weights. "self" stands for samples where the
 * method is the leaf, "root" for samples where it is the outermost frame. Each row's total is the weight
 * of the stacks through that caller or callee; {@link #whole()} is the weight of all stacks containing the
 * method, so the rows' shares of it are what the callers and callees tables show.
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
        Set<Integer> seenCallers = new HashSet<>();
        Set<Integer> seenCallees = new HashSet<>();
        long whole = 0;
        for (int i = 0; i < weights.size(); i++) {
            if ((i & 1023) == 0 && cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("butterfly was cancelled");
            }
            int stack = weights.stack(i);
            long w = weights.weight(i);
            seenCallers.clear();
            seenCallees.clear();
            boolean contains = false;
            // From the leaf up: the node visited just before is the callee, the parent the caller.
            int callee = NONE;
            for (int node = stacks.node(stack); node != StackTable.ROOT; node = stacks.parent(node)) {
                int name = frames.nameId(stacks.nodeFrame(node));
                if (name != methodNameId) {
                    callee = name;
                    continue;
                }
                contains = true;
                int parent = stacks.parent(node);
                int caller = parent == StackTable.ROOT ? NONE : frames.nameId(stacks.nodeFrame(parent));
                if (seenCallers.add(caller)) {
                    callers.computeIfAbsent(caller, k -> new long[1])[0] += w;
                }
                if (seenCallees.add(callee)) {
                    callees.computeIfAbsent(callee, k -> new long[1])[0] += w;
                }
                callee = name;
            }
            if (contains) {
                whole += w;
            }
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
