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
        // Work per prefix node rather than per frame of every stack: a deep recording has ten times more
        // frames in its stacks than distinct prefixes. A stack's weight lands on its node, and summing
        // each subtree gives every prefix the weight of the stacks that pass through it.
        long[] through = new long[stacks.nodeCount()];
        for (int i = 0; i < weights.size(); i++) {
            int stack = weights.stack(i);
            long w = weights.weight(i);
            through[stacks.node(stack)] += w;
            int selfFrame = stacks.depth(stack) > 0 ? stacks.leaf(stack) : -1;
            if (by == AllocationSites.By.METHOD) {
                // the leaf-most method: the allocation site
                int node = stacks.node(stack);
                while (node != StackTable.ROOT && isClass(frames, stacks.nodeFrame(node))) {
                    node = stacks.parent(node);
                }
                selfFrame = node == StackTable.ROOT ? -1 : stacks.nodeFrame(node);
            } else if (by == AllocationSites.By.CLASS && selfFrame >= 0 && !isClass(frames, selfFrame)) {
                selfFrame = -1;
            }
            if (selfFrame >= 0) {
                self[frames.nameId(selfFrame)] += w;
            }
        }
        // A child is numbered after its parent, so one backward pass sums every subtree.
        for (int n = through.length - 1; n > 0; n--) {
            through[stacks.parent(n)] += through[n];
        }
        // Each stack counts a method once however often it recurs: only a method's outermost nodes add
        // their subtrees, which are then disjoint.
        java.util.BitSet outermost = outermost(profile, by != null);
        for (int n = outermost.nextSetBit(0); n >= 0; n = outermost.nextSetBit(n + 1)) {
            int frame = stacks.nodeFrame(n);
            if (through[n] != 0 && (by == null || isClass(frames, frame) == (by == AllocationSites.By.CLASS))) {
                total[frames.nameId(frame)] += through[n];
            }
        }
        List<Method> methods = new ArrayList<>();
        for (int n = 0; n < total.length; n++) {
            if (total[n] != 0) {
                methods.add(new Method(n, frames.nameOf(n), self[n], total[n]));
            }
        }
        methods.sort(Comparator.comparingLong(Method::total).reversed().thenComparing(Method::name));
        return methods;
    }

    private static boolean isClass(FrameTable frames, int frame) {
        return frames.kind(frame) == FrameKind.CLASS;
    }

    /**
     * The prefix nodes whose frame's name no node above them has; {@code byKind} counts a name as a class
     * and as a method apart (allocation sites look at one kind only). It depends only on the stacks, so
     * it is found once per profile, by a walk of the prefix tree that counts the names on the current path.
     */
    private static java.util.BitSet outermost(Profile profile, boolean byKind) {
        return profile.derived(byKind ? "hot-methods-outermost-by-kind" : "hot-methods-outermost", () -> {
            StackTable stacks = profile.stacks();
            FrameTable frames = profile.frames();
            int count = stacks.nodeCount();
            int[] firstChild = new int[count + 1];
            for (int n = 1; n < count; n++) {
                firstChild[stacks.parent(n) + 1]++;
            }
            for (int n = 0; n < count; n++) {
                firstChild[n + 1] += firstChild[n];
            }
            int[] children = new int[Math.max(0, count - 1)];
            int[] filled = java.util.Arrays.copyOf(firstChild, count);
            for (int n = 1; n < count; n++) {
                children[filled[stacks.parent(n)]++] = n;
            }
            int[] onPath = new int[2 * frames.nameCount()];
            java.util.BitSet result = new java.util.BitSet(count);
            // Depth-first with an explicit stack; ~n marks leaving node n.
            int[] pending = new int[64];
            int top = 0;
            pending[top++] = StackTable.ROOT;
            while (top > 0) {
                int n = pending[--top];
                if (n < 0) {
                    onPath[key(frames, stacks.nodeFrame(~n), byKind)]--;
                    continue;
                }
                if (n != StackTable.ROOT) {
                    int key = key(frames, stacks.nodeFrame(n), byKind);
                    if (onPath[key]++ == 0) {
                        result.set(n);
                    }
                }
                int needed = top + 1 + firstChild[n + 1] - firstChild[n];
                if (needed > pending.length) {
                    pending = java.util.Arrays.copyOf(pending, Math.max(needed, pending.length * 2));
                }
                if (n != StackTable.ROOT) {
                    pending[top++] = ~n;
                }
                for (int c = firstChild[n]; c < firstChild[n + 1]; c++) {
                    pending[top++] = children[c];
                }
            }
            return result;
        });
    }

    private static int key(FrameTable frames, int frame, boolean byKind) {
        return 2 * frames.nameId(frame) + (byKind && isClass(frames, frame) ? 1 : 0);
    }

    /** The {@code limit} methods with the highest self weight. */
    public static List<Method> topBySelf(List<Method> methods, int limit) {
        List<Method> sorted = new ArrayList<>(methods);
        sorted.sort(Comparator.comparingLong(Method::self).reversed().thenComparing(Method::name));
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }
}
