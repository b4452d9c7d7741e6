package dev.firesight.parser.query;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Self and total weight per method (per frame name). Self counts samples whose leaf is the method;
 * total counts samples with the method anywhere on the stack, once per sample even when recursive.
 */
public final class HotMethods {
    /** One method's weights. */
    public record Method(int nameId, String name, long self, long total) {
    }

    private HotMethods() {
    }

    /** All methods with any weight, by total descending then name. */
    public static List<Method> of(Profile profile, StackWeights weights) {
        return of(profile, weights, null);
    }

    /**
     * In an allocation view, who allocates or what is allocated, instead of {@link #of(Profile, StackWeights)}'s
     * frames, where classes (the leaves) take all the self weight and methods none: by
     * {@link AllocationSites.By#METHOD}, methods only, self being the weight they allocate themselves (as the
     * allocation site); by {@link AllocationSites.By#CLASS}, allocated classes only, self and total being the
     * weight allocated as that class.
     */
    public static List<Method> of(Profile profile, StackWeights weights, AllocationSites.By by) {
        return of(profile, StackTree.Weighed.of(profile, weights), by);
    }

    /** As {@link #of(Profile, StackWeights, AllocationSites.By)}, from a query's totals on the shared tree. */
    static List<Method> of(Profile profile, StackTree.Weighed weighed, AllocationSites.By by) {
        FrameTable frames = profile.frames();
        long[] self = new long[frames.nameCount()];
        long[] total = new long[frames.nameCount()];
        // From the shared top-down tree, merged by name, instead of walking every frame of every stack: each
        // node whose name is not already on its path above adds its subtree, so a stack counts once per name
        // however often it recurs, and a node's own weight (stacks that end there) goes to its self frame.
        StackTree tree = weighed.tree();
        long[] below = weighed.totals();
        BitSet repeats = tree.repeats(frames);
        // The allocation site of a class node under another class node (rare): found from its parent's.
        Map<Integer, Integer> siteOfClassNode = new HashMap<>();
        self(frames, tree, below, CallTree.ROOT, -1, by, self, siteOfClassNode);
        for (int parent = 0; parent < below.length; parent++) {
            if (below[parent] == 0) {
                continue;
            }
            for (int node = tree.childStart(parent); node < tree.childEnd(parent); node++) {
                if (below[node] == 0) {
                    continue;
                }
                int frame = tree.frame(node);
                if (!repeats.get(node) && counts(frames, frame, by)) {
                    total[frames.nameId(frame)] += below[node];
                }
                self(frames, tree, below, node, parent, by, self, siteOfClassNode);
            }
        }
        return sorted(frames, self, total);
    }

    /** Whether a frame's name is one the grouping {@code by} lists: every frame, methods only, or classes only. */
    private static boolean counts(FrameTable frames, int frame, AllocationSites.By by) {
        return by == null || (frames.kind(frame) == FrameKind.CLASS) == (by == AllocationSites.By.CLASS);
    }

    /**
     * Adds the weight of the stacks that end at {@code node} to the self of their self frame: the leaf; by
     * class, the leaf when it is a class; by method, the leaf-most method (the allocation site).
     */
    private static void self(FrameTable frames, StackTree tree, long[] below, int node, int parent,
                             AllocationSites.By by, long[] self, Map<Integer, Integer> siteOfClassNode) {
        long own = below[node] - tree.childTotal(node, below);
        int frame = node == CallTree.ROOT ? -1 : tree.frame(node);
        boolean isClass = frame >= 0 && frames.kind(frame) == FrameKind.CLASS;
        int selfFrame = frame;
        if (by == AllocationSites.By.CLASS && !isClass) {
            selfFrame = -1;
        } else if (by == AllocationSites.By.METHOD && isClass) {
            boolean parentIsClass = parent > 0 && frames.kind(tree.frame(parent)) == FrameKind.CLASS;
            selfFrame = parent <= 0 ? -1 : parentIsClass ? siteOfClassNode.getOrDefault(parent, -1) : tree.frame(parent);
            if (selfFrame >= 0 && tree.childStart(node) < tree.childEnd(node)) {
                siteOfClassNode.put(node, selfFrame);
            }
        }
        if (own != 0 && selfFrame >= 0) {
            self[frames.nameId(selfFrame)] += own;
        }
    }

    private static List<Method> sorted(FrameTable frames, long[] self, long[] total) {
        List<Method> methods = new ArrayList<>();
        for (int n = 0; n < total.length; n++) {
            if (total[n] != 0) {
                methods.add(new Method(n, frames.nameOf(n), self[n], total[n]));
            }
        }
        methods.sort(Comparator.comparingLong(Method::total).reversed().thenComparing(Method::name));
        return methods;
    }

    /** The {@code limit} methods with the highest self weight. */
    public static List<Method> topBySelf(List<Method> methods, int limit) {
        List<Method> sorted = new ArrayList<>(methods);
        sorted.sort(Comparator.comparingLong(Method::self).reversed().thenComparing(Method::name));
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }
}
