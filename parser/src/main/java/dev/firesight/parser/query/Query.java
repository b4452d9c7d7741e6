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
    private final Sums sums;

    public Query(Profile profile, ProfileQuery query) {
        this.profile = profile;
        this.query = query;
        this.sums = profile.<LastSums>derived("last-query-sums", LastSums::new).of(query);
    }

    /**
     * What a query sums from the samples, shared by the queries that differ only in direction: turning the
     * reversed view on or off asks the same filters again, and these sums (the weights per stack, and their totals
     * on the shared top-down tree for the hot methods) do not depend on it. On a 228 MiB async-profiler recording
     * they were 55 of the 187 ms that turning the reversed view on took.
     */
    private static final class Sums {
        private final ProfileQuery key;
        private StackWeights weights;
        /** The weights summed on the shared top-down tree, for the flame graph and the hot methods alike. */
        private StackTree.Weighed topDown;

        Sums(ProfileQuery key) {
            this.key = key;
        }
    }

    /** The last query's sums of a profile, held softly: a large profile's tree totals are tens of megabytes. */
    private static final class LastSums {
        private java.lang.ref.SoftReference<Sums> last = new java.lang.ref.SoftReference<>(null);

        synchronized Sums of(ProfileQuery query) {
            ProfileQuery q = query.withReverse(false);
            // The key keeps its own copy of the thread set, which a caller could change after asking.
            ProfileQuery key = new ProfileQuery(q.view(), q.fromNanos(), q.toNanos(),
                    q.threads() == null ? null : (java.util.BitSet) q.threads().clone(), q.include(), q.exclude(),
                    false, q.perThread(), q.outside());
            Sums s = last.get();
            if (s == null || !s.key.equals(key)) {
                s = new Sums(key);
                last = new java.lang.ref.SoftReference<>(s);
            }
            return s;
        }
    }

    /**
     * Builds the shared top-down tree of each of the profile's views ahead of its first query. Each view has a
     * tree of its own stacks (see {@code StackTree}), so the first switch to another view would otherwise build
     * one: 0.3 s for the allocations of a 513 MiB JDK recording. Meant for the background once the profile is
     * shown.
     */
    public static void prepareViews(Profile profile, BooleanSupplier cancelled) {
        // Building a tree takes about 16 bytes per prefix node for a moment. A warm-up is not worth the window's
        // own queries running out of memory beside it: it leaves four times that free, or does nothing.
        long building = 16L * profile.stacks().nodeCount();
        Runtime runtime = Runtime.getRuntime();
        for (dev.firesight.parser.ViewKind view : profile.views()) {
            long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
            if (cancelled.getAsBoolean() || free < 4 * building) {
                return;
            }
            StackTree.of(profile, view, false);
        }
    }

    public Profile profile() {
        return profile;
    }

    public ProfileQuery query() {
        return query;
    }

    /** The weight per stack that passed the query's filters; computed on first use. */
    public StackWeights weights(BooleanSupplier cancelled) {
        synchronized (sums) {
            if (sums.weights == null) {
                sums.weights = StackWeights.compute(profile, query, cancelled);
            }
            return sums.weights;
        }
    }

    private StackTree.Weighed topDown(BooleanSupplier cancelled) {
        synchronized (sums) {
            if (sums.topDown == null) {
                sums.topDown = StackTree.Weighed.of(profile, weights(cancelled));
            }
            return sums.topDown;
        }
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
