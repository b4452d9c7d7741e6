package dev.firesight.parser.query;

import dev.firesight.parser.Profile;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One question asked of one profile ({@code profile.query(q)}), answered in steps that share their work: the
 * pass over the samples that sums weight per stack is made once, and the call tree, the hot methods and a
 * method's callers and callees are all built from it. Each step can be cancelled; none touches a UI.
 */
public final class Query {
    private final Profile profile;
    private final ProfileQuery query;
    private StackWeights weights;
    /** The weights summed on the shared top-down tree, for the flame graph and the hot methods alike. */
    private StackTree.Weighed topDown;

    public Query(Profile profile, ProfileQuery query) {
        this.profile = profile;
        this.query = query;
    }

    public Profile profile() {
        return profile;
    }

    public ProfileQuery query() {
        return query;
    }

    /** The weight per stack that passed the query's filters; computed on first use. */
    public synchronized StackWeights weights(BooleanSupplier cancelled) {
        if (weights == null) {
            weights = StackWeights.compute(profile, query, cancelled);
        }
        return weights;
    }

    private synchronized StackTree.Weighed topDown(BooleanSupplier cancelled) {
        if (topDown == null) {
            topDown = StackTree.Weighed.of(profile, weights(cancelled));
        }
        return topDown;
    }

    public CallTree callTree(BooleanSupplier cancelled) {
        return CallTreeBuilder.build(profile, query, weights(cancelled), cancelled);
    }

    /** The call tree a flame graph zoomed along {@code zoomPath} shows (see {@link CallTreeBuilder#buildVisible}). */
    public CallTree visibleCallTree(int[] zoomPath, BooleanSupplier cancelled) {
        return CallTreeBuilder.buildVisible(profile, query, weights(cancelled), () -> topDown(cancelled), zoomPath,
                cancelled);
    }

    /** Hot methods; in allocation views {@code by} chooses allocating methods or allocated classes (null: all). */
    public List<HotMethods.Method> hotMethods(AllocationSites.By by, BooleanSupplier cancelled) {
        return HotMethods.of(profile, topDown(cancelled), by);
    }

    public Butterfly butterfly(int methodNameId, BooleanSupplier cancelled) {
        return Butterfly.of(profile, weights(cancelled), methodNameId, cancelled);
    }
}
