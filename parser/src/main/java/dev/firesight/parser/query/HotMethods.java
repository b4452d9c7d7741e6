package dev.firesight.parser.query;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.StackTable;

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
        StackTable stacks = profile.stacks();
        long[] self = new long[frames.nameCount()];
        long[] total = new long[frames.nameCount()];
        // Totals from the prefix tree instead of walking every frame of every stack: weight at each stack's
        // node, summed up the tree (a child is numbered after its parent), then each node whose name is not
        // already on its path above adds its subtree, so a stack counts once per name however often it recurs.
        long[] below = new long[stacks.nodeCount()];
        for (int i = 0; i < weights.size(); i++) {
            int stack = weights.stack(i);
            long w = weights.weight(i);
            below[stacks.node(stack)] += w;
            int selfFrame = selfFrame(frames, stacks, stack, by);
            if (selfFrame >= 0) {
                self[frames.nameId(selfFrame)] += w;
            }
        }
        for (int n = below.length - 1; n > 0; n--) {
            below[stacks.parent(n)] += below[n];
        }
        java.util.BitSet repeats = repeats(profile);
        for (int n = 1; n < below.length; n++) {
            if (below[n] == 0 || repeats.get(n)) {
                continue;
            }
            int frame = stacks.nodeFrame(n);
            if (by == null || (frames.kind(frame) == FrameKind.CLASS) == (by == AllocationSites.By.CLASS)) {
                total[frames.nameId(frame)] += below[n];
            }
        }
        return sorted(frames, self, total);
    }

    /** The frame a stack's self weight goes to: its leaf, or by {@code by} the leaf-most frame of that sort. */
    private static int selfFrame(FrameTable frames, StackTable stacks, int stack, AllocationSites.By by) {
        for (int node = stacks.node(stack); node != StackTable.ROOT; node = stacks.parent(node)) {
            int frame = stacks.nodeFrame(node);
            boolean isClass = frames.kind(frame) == FrameKind.CLASS;
            if (by == null) {
                return frame;
            }
            if (isClass == (by == AllocationSites.By.CLASS)) {
                // by class: the leaf only (classes are leaves); by method: the allocation site
                return by == AllocationSites.By.CLASS && node != stacks.node(stack) ? -1 : frame;
            }
            if (by == AllocationSites.By.CLASS) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The prefix nodes whose frame's name is also on their path above them (recursion): computed once per
     * profile, by a walk of the prefix tree that counts the names on the current path, and kept softly.
     */
    static java.util.BitSet repeats(Profile profile) {
        SoftCache<java.util.BitSet> cache = profile.derived("stack-name-repeats", SoftCache::new);
        return cache.get(() -> {
            StackTable stacks = profile.stacks();
            FrameTable frames = profile.frames();
            int count = stacks.nodeCount();
            // children lists by a counting sort on the parent
            int[] start = new int[count + 1];
            for (int n = 1; n < count; n++) {
                start[stacks.parent(n) + 1]++;
            }
            for (int n = 0; n < count; n++) {
                start[n + 1] += start[n];
            }
            int[] children = new int[Math.max(0, count - 1)];
            int[] fill = java.util.Arrays.copyOf(start, count);
            for (int n = 1; n < count; n++) {
                children[fill[stacks.parent(n)]++] = n;
            }
            java.util.BitSet out = new java.util.BitSet(count);
            int[] onPath = new int[frames.nameCount()];
            int[] path = new int[64];
            int[] next = new int[64];
            int depth = 0;
            path[0] = StackTable.ROOT;
            next[0] = start[StackTable.ROOT];
            while (depth >= 0) {
                int node = path[depth];
                if (next[depth] < start[node + 1]) {
                    int child = children[next[depth]++];
                    int name = frames.nameId(stacks.nodeFrame(child));
                    if (onPath[name] > 0) {
                        out.set(child);
                    }
                    onPath[name]++;
                    if (++depth == path.length) {
                        path = java.util.Arrays.copyOf(path, depth * 2);
                        next = java.util.Arrays.copyOf(next, depth * 2);
                    }
                    path[depth] = child;
                    next[depth] = start[child];
                } else {
                    if (node != StackTable.ROOT) {
                        onPath[frames.nameId(stacks.nodeFrame(node))]--;
                    }
                    depth--;
                }
            }
            return out;
        });
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
