package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.util.IntList;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The sandwich of one method: the call tree of its callers (the method at the root, each stack's frames
 * from the method's outermost call back to the thread's entry) and of its callees (the method at the root,
 * the frames from its outermost call to the leaf), over the stacks of a query that contain it. Both roots
 * weigh what {@link Butterfly#whole()} and the method's hot-methods total weigh; where {@link Butterfly}
 * gives the nearest caller and callee, this gives the whole paths, for drawing as flame graphs.
 */
public final class Sandwich {
    private final String method;
    private final CallTree callers;
    private final CallTree callees;

    private Sandwich(String method, CallTree callers, CallTree callees) {
        this.method = method;
        this.callers = callers;
        this.callees = callees;
    }

    /** The method's full name. */
    public String method() {
        return method;
    }

    /** Root ▸ method ▸ its caller ▸ that caller's caller … (draw with the method nearest the callees). */
    public CallTree callers() {
        return callers;
    }

    /** Root ▸ method ▸ its callees …. */
    public CallTree callees() {
        return callees;
    }

    /** The weight of every stack through the method, as both trees' root has it. */
    public long total() {
        return callees.total(CallTree.ROOT);
    }

    /**
     * The sandwich of the method named by {@code methodNameId} in {@code profile} (an already transformed one,
     * when transforms apply), over the samples {@code query} selects; its direction and thread split are
     * ignored.
     *
     * @throws CancellationException when {@code cancelled} turns true
     */
    public static Sandwich of(Profile profile, ProfileQuery query, int methodNameId, BooleanSupplier cancelled) {
        String name = profile.frames().nameOf(methodNameId);
        // Only stacks through the method; the rewritten ones all start at it, so the filter still holds.
        ProfileQuery through = query.withReverse(false).withPerThread(false)
                .withInclude(Pattern.compile(Pattern.quote(name)));
        Profile up = profile.withStacks(profile.frames(), around(profile, methodNameId, true, cancelled));
        Profile down = profile.withStacks(profile.frames(), around(profile, methodNameId, false, cancelled));
        return new Sandwich(name, CallTreeBuilder.build(up, through, cancelled),
                CallTreeBuilder.build(down, through, cancelled));
    }

    /** Each stack from the method's outermost frame: towards the root ({@code callers}) or the leaf; else empty. */
    private static StackTable around(Profile profile, int methodNameId, boolean callers, BooleanSupplier cancelled) {
        StackTable stacks = profile.stacks();
        IntList pool = new IntList();
        int[] offsets = new int[stacks.size()];
        int[] lengths = new int[stacks.size()];
        for (int s = 0; s < stacks.size(); s++) {
            if ((s & 4095) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("sandwich was cancelled");
            }
            offsets[s] = pool.size();
            int depth = stacks.depth(s);
            int first = -1;
            for (int d = 0; d < depth && first < 0; d++) {
                if (profile.frames().nameId(stacks.frame(s, d)) == methodNameId) {
                    first = d;
                }
            }
            if (first < 0) {
                continue;
            }
            if (callers) {
                for (int d = first; d >= 0; d--) {
                    pool.add(stacks.frame(s, d));
                }
            } else {
                for (int d = first; d < depth; d++) {
                    pool.add(stacks.frame(s, d));
                }
            }
            lengths[s] = pool.size() - offsets[s];
        }
        return new StackTable(pool.toArray(), offsets, lengths);
    }
}
