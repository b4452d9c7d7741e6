package dev.firesight.parser.query;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.util.IntList;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.regex.PatternSyntaxException;

/**
 * The transforms a user applied, in order. {@link #apply} gives the profile every view then reads: the same
 * samples over rewritten stacks, so call trees, hot methods, callers and callees, time ranges and exports
 * all see the transformed stacks through the one {@link Profile} they are handed, and every total stays.
 * Immutable.
 */
public final class Transforms {
    private static final Transforms NONE = new Transforms(List.of());
    private static final int CHECK_EVERY = 4096;

    private final List<Transform> list;

    private Transforms(List<Transform> list) {
        this.list = List.copyOf(list);
    }

    public static Transforms none() {
        return NONE;
    }

    public static Transforms of(List<Transform> transforms) {
        return transforms.isEmpty() ? NONE : new Transforms(transforms);
    }

    public List<Transform> list() {
        return list;
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** These transforms and then {@code t}; unchanged when {@code t} is applied already. */
    public Transforms with(Transform t) {
        if (list.contains(t)) {
            return this;
        }
        List<Transform> out = new ArrayList<>(list);
        out.add(t);
        return new Transforms(out);
    }

    /** These transforms without {@code t}. */
    public Transforms without(Transform t) {
        List<Transform> out = new ArrayList<>(list);
        out.remove(t);
        return of(out);
    }

    /** The specs, one per transform, joined by spaces, e.g. {@code collapse=java.util only-my-code}. */
    public String spec() {
        StringBuilder b = new StringBuilder();
        for (Transform t : list) {
            b.append(b.length() == 0 ? "" : " ").append(t.spec());
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Transforms t && t.list.equals(list);
    }

    @Override
    public int hashCode() {
        return list.hashCode();
    }

    @Override
    public String toString() {
        return spec();
    }

    /**
     * Reads one transform in the CLI's form: {@code merge=REGEX}, {@code collapse-recursion[=REGEX]},
     * {@code collapse-direct-recursion[=REGEX]}, {@code collapse=PACKAGE} or {@code only-my-code[=PREFIX,...]}.
     * Regexes match a frame's whole name.
     *
     * @throws InvalidTransformException with a sentence saying what is wrong
     */
    public static Transform parse(String spec) throws InvalidTransformException {
        int eq = spec.indexOf('=');
        String kind = eq < 0 ? spec : spec.substring(0, eq);
        String value = eq < 0 ? null : spec.substring(eq + 1);
        try {
            switch (kind) {
                case "merge":
                    return Transform.Merge.matching(required(kind, value, "a regular expression"));
                case "collapse-recursion":
                case "collapse-direct-recursion":
                    return Transform.CollapseRecursion.matching(value == null || value.isEmpty() ? null : value,
                            kind.equals("collapse-direct-recursion"));
                case "collapse":
                    return Transform.CollapsePackage.of(required(kind, value, "a package such as java.util"));
                case "only-my-code":
                    return Transform.OnlyMyCode.hiding(value == null ? List.of() : List.of(value.split(",")));
                default:
                    throw new InvalidTransformException("unknown transform '" + kind + "'; transforms are "
                            + "merge=REGEX, collapse-recursion[=REGEX], collapse-direct-recursion[=REGEX], "
                            + "collapse=PACKAGE and only-my-code[=PREFIX,...].");
            }
        } catch (PatternSyntaxException e) {
            throw new InvalidTransformException("'" + spec + "' has an invalid regular expression: "
                    + e.getDescription() + ".");
        }
    }

    private static String required(String kind, String value, String what) throws InvalidTransformException {
        if (value == null || value.isEmpty()) {
            throw new InvalidTransformException(kind + " needs " + what + ": " + kind + "=....");
        }
        return value;
    }

    /**
     * The profile with every stack rewritten by these transforms in order; the profile itself when there are
     * none. The last result per profile is kept (softly), so switching views or ranges does not redo it.
     *
     * @throws CancellationException when {@code cancelled} turns true
     */
    public Profile apply(Profile profile, BooleanSupplier cancelled) {
        if (list.isEmpty()) {
            return profile;
        }
        Last last = profile.derived("transforms-last", Last::new);
        synchronized (last) {
            Profile done = last.spec.equals(spec()) ? last.result.get() : null;
            if (done == null) {
                done = rewrite(profile, cancelled);
                last.spec = spec();
                last.result = new SoftReference<>(done);
            }
            return done;
        }
    }

    /** The last transformed profile of a profile. */
    private static final class Last {
        String spec = "";
        SoftReference<Profile> result = new SoftReference<>(null);
    }

    /** One pass per transform, so a later one sees the frames an earlier one made up as frames of the table. */
    private Profile rewrite(Profile profile, BooleanSupplier cancelled) {
        Profile p = profile;
        for (Transform t : list) {
            p = rewrite(p, t, cancelled);
        }
        return p;
    }

    private static Profile rewrite(Profile profile, Transform transform, BooleanSupplier cancelled) {
        FrameTable frames = profile.frames();
        StackTable stacks = profile.stacks();
        MadeUp madeUp = new MadeUp(frames.size());
        Transform.Step step = transform.start(frames, madeUp);
        IntList pool = new IntList();
        int[] offsets = new int[stacks.size()];
        int[] lengths = new int[stacks.size()];
        int[] in = new int[64];
        int[] out = new int[64];
        for (int s = 0; s < stacks.size(); s++) {
            if ((s & (CHECK_EVERY - 1)) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("transforms were cancelled");
            }
            int n = stacks.depth(s);
            if (n > in.length) {
                in = new int[n * 2];
                out = new int[in.length];
            }
            for (int i = 0; i < n; i++) {
                in[i] = stacks.frame(s, i);
            }
            n = step.rewrite(in, n, out);
            offsets[s] = pool.size();
            lengths[s] = n;
            for (int i = 0; i < n; i++) {
                pool.add(out[i]);
            }
        }
        FrameTable withFrames = madeUp.names.isEmpty() ? frames : frames.withFrames(madeUp.names, madeUp.kinds);
        return profile.withStacks(withFrames, new StackTable(pool.toArray(), offsets, lengths));
    }

    /** Frames made up by the transforms, one per name and kind, numbered after the profile's frames. */
    private static final class MadeUp implements Transform.MadeUpFrames {
        private final int firstId;
        private final Map<String, Integer> ids = new HashMap<>();
        final List<String> names = new ArrayList<>();
        final List<FrameKind> kinds = new ArrayList<>();

        MadeUp(int firstId) {
            this.firstId = firstId;
        }

        @Override
        public int frame(String name, FrameKind kind) {
            return ids.computeIfAbsent(name + '\0' + kind.ordinal(), k -> {
                names.add(name);
                kinds.add(kind);
                return firstId + names.size() - 1;
            });
        }
    }
}
