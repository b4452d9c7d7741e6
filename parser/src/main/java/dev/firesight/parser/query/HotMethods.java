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
        int[] lastSeen = new int[frames.nameCount()];
        java.util.Arrays.fill(lastSeen, -1);
        for (int i = 0; i < weights.size(); i++) {
            int stack = weights.stack(i);
            long w = weights.weight(i);
            int selfFrame = stacks.depth(stack) > 0 ? stacks.leaf(stack) : -1;
            boolean siteFound = false;
            // From the leaf up; each name counts once per stack, however often it recurs.
            for (int node = stacks.node(stack); node != StackTable.ROOT; node = stacks.parent(node)) {
                int frame = stacks.nodeFrame(node);
                boolean isClass = frames.kind(frame) == FrameKind.CLASS;
                if (by != null && isClass != (by == AllocationSites.By.CLASS)) {
                    continue;
                }
                if (by == AllocationSites.By.METHOD && !siteFound) {
                    selfFrame = frame; // the leaf-most method: the allocation site
                    siteFound = true;
                }
                int name = frames.nameId(frame);
                if (lastSeen[name] != i) {
                    lastSeen[name] = i;
                    total[name] += w;
                }
            }
            if (selfFrame >= 0 && (by == null || (frames.kind(selfFrame) == FrameKind.CLASS) == (by == AllocationSites.By.CLASS))) {
                self[frames.nameId(selfFrame)] += w;
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
