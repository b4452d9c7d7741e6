package dev.firesight.parser.query;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
        FrameTable frames = profile.frames();
        long[] self = new long[frames.nameCount()];
        long[] total = new long[frames.nameCount()];
        // From the shared top-down tree, merged by name, instead of walking every frame of every stack: each
        // node whose name is not already on its path above adds its subtree, so a stack counts once per name
        // however often it recurs, and a node's own weight (stacks that end there) is the self of its leaf.
        StackTree tree = StackTree.of(profile, false);
        long[] below = tree.totals(weights);
        int[] onPath = new int[frames.nameCount()];
        tree.walk(below, new StackTree.Visitor() {
            @Override
            public void enter(int node, int[] path, int depth) {
                int frame = tree.frame(node);
                int name = frames.nameId(frame);
                if (onPath[name]++ == 0 && counts(frames, frame, by)) {
                    total[name] += below[node];
                }
                long own = below[node] - tree.childTotal(node, below);
                int selfFrame = own == 0 ? -1 : selfFrame(frames, tree, path, depth, by);
                if (selfFrame >= 0) {
                    self[frames.nameId(selfFrame)] += own;
                }
            }

            @Override
            public void exit(int node) {
                onPath[frames.nameId(tree.frame(node))]--;
            }
        });
        return sorted(frames, self, total);
    }

    /** Whether a frame's name is one the grouping {@code by} lists: every frame, methods only, or classes only. */
    private static boolean counts(FrameTable frames, int frame, AllocationSites.By by) {
        return by == null || (frames.kind(frame) == FrameKind.CLASS) == (by == AllocationSites.By.CLASS);
    }

    /**
     * The frame the self weight of stacks ending at {@code path[depth]} goes to: its leaf, or by {@code by}
     * the leaf-most frame of that sort.
     */
    private static int selfFrame(FrameTable frames, StackTree tree, int[] path, int depth,
                                 AllocationSites.By by) {
        for (int d = depth; d > 0; d--) {
            int frame = tree.frame(path[d]);
            boolean isClass = frames.kind(frame) == FrameKind.CLASS;
            if (by == null) {
                return frame;
            }
            if (isClass == (by == AllocationSites.By.CLASS)) {
                // by class: the leaf only (classes are leaves); by method: the allocation site
                return by == AllocationSites.By.CLASS && d != depth ? -1 : frame;
            }
            if (by == AllocationSites.By.CLASS) {
                return -1;
            }
        }
        return -1;
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
