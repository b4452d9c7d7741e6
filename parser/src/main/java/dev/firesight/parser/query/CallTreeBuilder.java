package dev.firesight.parser.query;

import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.StackTable;

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
        TreeNodes nodes = new TreeNodes(weights.size() * 4, 2);
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
            nodes.columns[1][node] += w;
            if (weights.thread(i) >= 0) {
                node = nodes.child(node, -(weights.thread(i) + 1), -1);
                nodes.columns[1][node] += w;
            }
            int depth = stacks.depth(stack);
            for (int d = 0; d < depth; d++) {
                int frame = stacks.frame(stack, reverse ? depth - 1 - d : d);
                node = nodes.child(node, frames.nameId(frame), frame);
                nodes.columns[1][node] += w;
            }
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
