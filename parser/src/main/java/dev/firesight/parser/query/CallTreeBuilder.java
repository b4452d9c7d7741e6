package dev.firesight.parser.query;

import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.util.LongIntMap;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Builds a {@link CallTree} from a query: sums weights per stack first, then merges the distinct stacks
 * into a tree by frame name. Cancellable through the supplied flag, so a newer request can abandon it.
 */
public final class CallTreeBuilder {
    private CallTreeBuilder() {
    }

    public static CallTree build(Profile profile, ProfileQuery query) {
        return build(profile, query, () -> false);
    }

    public static CallTree build(Profile profile, ProfileQuery query, BooleanSupplier cancelled) {
        return build(profile, query, StackWeights.compute(profile, query, cancelled), cancelled);
    }

    public static CallTree build(Profile profile, ProfileQuery query, StackWeights weights, BooleanSupplier cancelled) {
        Nodes nodes = new Nodes(Math.max(16, weights.size() * 4));
        StackTable stacks = profile.stacks();
        FrameTable frames = profile.frames();
        boolean reverse = query.reverse();
        for (int i = 0; i < weights.size(); i++) {
            if ((i & 4095) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("query was cancelled");
            }
            long w = weights.weight(i);
            int stack = weights.stack(i);
            int node = CallTree.ROOT;
            nodes.totals[node] += w;
            if (weights.thread(i) >= 0) {
                node = nodes.child(node, -(weights.thread(i) + 1), -1);
                nodes.totals[node] += w;
            }
            int depth = stacks.depth(stack);
            for (int d = 0; d < depth; d++) {
                int frame = stacks.frame(stack, reverse ? depth - 1 - d : d);
                node = nodes.child(node, frames.nameId(frame), frame);
                nodes.totals[node] += w;
            }
            nodes.selfs[node] += w;
        }
        return nodes.freeze(profile, query, frames, weights.samples());
    }

    /** Growable node arrays with a (parent, name) index. */
    private static final class Nodes {
        int size = 1;
        int[] names;
        int[] frames;
        int[] parents;
        int[] depths;
        long[] selfs;
        long[] totals;
        final LongIntMap index;

        Nodes(int capacity) {
            names = new int[capacity];
            frames = new int[capacity];
            parents = new int[capacity];
            depths = new int[capacity];
            selfs = new long[capacity];
            totals = new long[capacity];
            index = new LongIntMap(capacity);
            names[0] = Integer.MIN_VALUE;
            frames[0] = -1;
            parents[0] = CallTree.NONE;
        }

        int child(int parent, int name, int frame) {
            int c = index.get(parent, name);
            if (c != LongIntMap.MISSING) {
                return c;
            }
            if (size == names.length) {
                int n = size * 2;
                names = Arrays.copyOf(names, n);
                frames = Arrays.copyOf(frames, n);
                parents = Arrays.copyOf(parents, n);
                depths = Arrays.copyOf(depths, n);
                selfs = Arrays.copyOf(selfs, n);
                totals = Arrays.copyOf(totals, n);
            }
            c = size++;
            names[c] = name;
            frames[c] = frame;
            parents[c] = parent;
            depths[c] = depths[parent] + 1;
            index.put(parent, name, c);
            return c;
        }

        /** Links children in name order (through precomputed name ranks) and trims the arrays. */
        CallTree freeze(Profile profile, ProfileQuery query, FrameTable frameTable, long samples) {
            int[] rank = frameTable.nameRanks();
            int[] byRank = frameTable.namesByRank();
            int threads = profile.threadCount();
            long[] keys = new long[size - 1];
            for (int i = 1; i < size; i++) {
                long r = names[i] < 0 ? -names[i] - 1 : threads + (long) rank[names[i]];
                keys[i - 1] = ((long) parents[i] << 32) | r;
            }
            Arrays.sort(keys);
            int[] first = new int[size];
            int[] next = new int[size];
            Arrays.fill(first, CallTree.NONE);
            Arrays.fill(next, CallTree.NONE);
            for (int i = keys.length - 1; i >= 0; i--) {
                int parent = (int) (keys[i] >>> 32);
                int r = (int) keys[i];
                int name = r < threads ? -(r + 1) : byRank[r - threads];
                int c = index.get(parent, name);
                next[c] = first[parent];
                first[parent] = c;
            }
            return new CallTree(profile, query, Arrays.copyOf(names, size), Arrays.copyOf(frames, size),
                    Arrays.copyOf(parents, size), first, next, Arrays.copyOf(depths, size),
                    Arrays.copyOf(selfs, size), Arrays.copyOf(totals, size), size, samples);
        }
    }
}
