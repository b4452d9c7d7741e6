package dev.firesight.parser.query;

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
        FrameTable frames = profile.frames();
        StackTable stacks = profile.stacks();
        long[] self = new long[frames.nameCount()];
        long[] total = new long[frames.nameCount()];
        int[] lastSeen = new int[frames.nameCount()];
        java.util.Arrays.fill(lastSeen, -1);
        for (int i = 0; i < weights.size(); i++) {
            int stack = weights.stack(i);
            long w = weights.weight(i);
            // Each name counts once per stack, however often it recurs, so the walk's order is free.
            for (int node = stacks.node(stack); node != StackTable.ROOT; node = stacks.parent(node)) {
                int name = frames.nameId(stacks.nodeFrame(node));
                if (lastSeen[name] != i) {
                    lastSeen[name] = i;
                    total[name] += w;
                }
            }
            if (stacks.depth(stack) > 0) {
                self[frames.nameId(stacks.leaf(stack))] += w;
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

    /** The {@code limit} methods with the highest self weight. */
    public static List<Method> topBySelf(List<Method> methods, int limit) {
        List<Method> sorted = new ArrayList<>(methods);
        sorted.sort(Comparator.comparingLong(Method::self).reversed().thenComparing(Method::name));
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }
}
