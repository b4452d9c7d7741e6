package dev.firesight.parser.query;

import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.StackTable;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

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
        if (!query.perThread()) {
            // The shape of a view's stacks is shared by every query of it; only weights differ.
            return StackTree.of(profile, query.view(), query.reverse()).project(profile, query, weights);
        }
        return buildByInsertion(profile, query, weights, cancelled);
    }

    /**
     * The tree a flame graph of {@code query} shows, zoomed along {@code zoomPath} (name ids): the same as
     * {@link #build} except that it holds only what can be drawn (see {@link BottomUpTree}); a reversed tree is
     * never built whole. Its {@link CallTree#isComplete} is then false, and exports build the complete one.
     */
    public static CallTree buildVisible(Profile profile, ProfileQuery query, StackWeights weights, int[] zoomPath,
                                        BooleanSupplier cancelled) {
        return buildVisible(profile, query, weights, () -> StackTree.Weighed.of(profile, weights), zoomPath,
                cancelled);
    }

    /** As above, taking the query's totals on the shared top-down tree from {@code topDown} when it needs them. */
    static CallTree buildVisible(Profile profile, ProfileQuery query, StackWeights weights,
                                 Supplier<StackTree.Weighed> topDown, int[] zoomPath, BooleanSupplier cancelled) {
        if (query.perThread()) {
            return build(profile, query, weights, cancelled);
        }
        if (!query.reverse()) {
            StackTree.Weighed w = topDown.get();
            return w.tree().project(profile, query, weights, w.totals(), zoomPath, BottomUpTree.MIN_FRACTION);
        }
        return BottomUpTree.build(profile, query, weights, zoomPath, BottomUpTree.MIN_FRACTION, Integer.MAX_VALUE,
                cancelled);
    }

    /**
     * The first {@code depth} levels below the root of a reversed tree (1: the methods where time is spent,
     * without their callers), each node exact; deeper nodes are not built.
     */
    public static CallTree buildReversedLevels(Profile profile, ProfileQuery query, StackWeights weights, int depth,
                                               BooleanSupplier cancelled) {
        return BottomUpTree.build(profile, query.withReverse(true), weights, null, 0, depth, cancelled);
    }

    /**
     * Builds the tree stack by stack. Per-thread trees put each thread at the root, so they are built
     * this way; tests also use it as the reference for the shared-tree projection.
     */
    static CallTree buildByInsertion(Profile profile, ProfileQuery query, StackWeights weights,
                                           BooleanSupplier cancelled) {
        TreeNodes nodes = new TreeNodes(weights.size() * 2, 2);
        StackTable stacks = profile.stacks();
        FrameTable frames = profile.frames();
        boolean reverse = query.reverse();
        // Consecutive stacks mostly share a long prefix (they were interned in recording order), so the
        // path of the previous stack is kept and only the frames after the first difference are looked
        // up: far fewer hash lookups than walking every stack from the root.
        int[] pathNames = new int[64];
        int[] pathNodes = new int[64];
        int[] path = new int[64];
        int pathLength = 0;
        int pathThread = Integer.MIN_VALUE;
        for (int i = 0; i < weights.size(); i++) {
            if ((i & 4095) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("query was cancelled");
            }
            long w = weights.weight(i);
            int stack = weights.stack(i);
            int thread = weights.thread(i);
            nodes.columns[1][CallTree.ROOT] += w;
            int node = CallTree.ROOT;
            if (thread >= 0) {
                node = nodes.child(node, -(thread + 1), -1);
                nodes.columns[1][node] += w;
            }
            if (thread != pathThread) {
                pathLength = 0;
                pathThread = thread;
            }
            int depth = stacks.depth(stack);
            if (depth > pathNames.length) {
                pathNames = java.util.Arrays.copyOf(pathNames, depth * 2);
                pathNodes = java.util.Arrays.copyOf(pathNodes, depth * 2);
                path = new int[depth * 2];
            }
            stacks.frames(stack, path);
            int d = 0;
            for (int limit = Math.min(depth, pathLength); d < limit; d++) {
                int frame = path[reverse ? depth - 1 - d : d];
                if (frames.nameId(frame) != pathNames[d]) {
                    break;
                }
                node = pathNodes[d];
                nodes.columns[1][node] += w;
            }
            for (; d < depth; d++) {
                int frame = path[reverse ? depth - 1 - d : d];
                int name = frames.nameId(frame);
                node = nodes.child(node, name, frame);
                nodes.columns[1][node] += w;
                pathNames[d] = name;
                pathNodes[d] = node;
            }
            pathLength = depth;
            nodes.columns[0][node] += w;
        }
        return freeze(nodes, profile, query, weights.samples());
    }

    /**
     * Links children in name order (threads first, then frames by precomputed name rank, so equal
     * shapes lay out alike in every view and range) and trims the arrays.
     */
    private static CallTree freeze(TreeNodes nodes, Profile profile, ProfileQuery query, long samples) {
        int[] rank = profile.frames().nameRanks();
        int[] byRank = profile.frames().namesByRank();
        int threads = profile.threadCount();
        int[][] links = nodes.link(name -> name < 0 ? -name - 1 : threads + rank[name],
                r -> r < threads ? -(r + 1) : byRank[r - threads]);
        return new CallTree(profile, query, nodes.trimmed(nodes.names), nodes.trimmed(nodes.payloads),
                nodes.trimmed(nodes.parents), links[0], links[1], nodes.trimmed(nodes.depths),
                nodes.trimmed(nodes.columns[0]), nodes.trimmed(nodes.columns[1]), nodes.size, samples);
    }
}
