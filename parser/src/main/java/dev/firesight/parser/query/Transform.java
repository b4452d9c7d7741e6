package dev.firesight.parser.query;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.FrameTable;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One rewrite of every stack of a profile, as the Firefox Profiler and speedscope offer: each stack keeps
 * its weight and only its frames change, so every total stays what it was. Allocated-class and thread
 * frames are data, not code: only "merge" (asked for by name) ever removes them.
 *
 * <p>Two transforms are equal when their {@link #spec()} is, the form the CLI's {@code --transform} takes.
 */
public abstract sealed class Transform permits Transform.Merge, Transform.CollapseRecursion,
        Transform.CollapsePackage, Transform.OnlyMyCode {

    /**
     * Package prefixes "only my code" hides by default: the JDK's (its {@code com.sun.} packages too, such as
     * the HTTP server) and common language runtimes'.
     */
    public static final List<String> LIBRARY_PREFIXES = List.of("java.", "jdk.", "sun.", "com.sun.", "javax.",
            "kotlin.", "scala.");

    private Transform() {
    }

    /** Whether a frame name is the JDK's or a language runtime's: one of {@link #LIBRARY_PREFIXES}. */
    public static boolean isLibrary(String name) {
        return startsWithAny(name, LIBRARY_PREFIXES);
    }

    private static boolean startsWithAny(String name, List<String> prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    /** The CLI's form, e.g. {@code merge=java\.util\.HashMap\.get}; parsed back by {@link Transforms#parse}. */
    public abstract String spec();

    /** A few words for the chip that shows the transform, e.g. "Merge HashMap.get". */
    public abstract String label();

    /** The rewrite of one stack, prepared for one frame table (matches cached per name id). */
    abstract Step start(FrameTable frames, MadeUpFrames madeUp);

    /** Rewrites one stack's frames. */
    interface Step {
        /** Writes the rewritten frames of {@code in[0..n)} (root first) to {@code out}; returns how many. */
        int rewrite(int[] in, int n, int[] out);
    }

    /** Frames a transform makes up (a collapsed package's), appended after the profile's own. */
    interface MadeUpFrames {
        int frame(String name, FrameKind kind);
    }

    @Override
    public final boolean equals(Object o) {
        return o instanceof Transform t && t.spec().equals(spec());
    }

    @Override
    public final int hashCode() {
        return spec().hashCode();
    }

    @Override
    public String toString() {
        return spec();
    }

    /** Whether a frame is code, which transforms may fold away, rather than an allocated class or a thread. */
    static boolean isCode(FrameTable frames, int frame) {
        FrameKind k = frames.kind(frame);
        return k != FrameKind.CLASS && k != FrameKind.THREAD;
    }

    /** The last part of a dotted name and the one before it, "HashMap.get" of "java.util.HashMap.get". */
    static String shortName(String name) {
        int last = name.lastIndexOf('.');
        int before = last <= 0 ? -1 : name.lastIndexOf('.', last - 1);
        return before < 0 ? name : name.substring(before + 1);
    }

    /**
     * A regex matching exactly {@code name}, with each special character escaped rather than the whole
     * quoted, so the spec reads as the name does: {@code java\.util\.HashMap\.get}.
     */
    static String literal(String name) {
        StringBuilder b = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '_') {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Matches of a whole-name regex, tested once per name id. */
    static final class NameMatches {
        private final FrameTable frames;
        private final Pattern pattern;
        private final byte[] cache;

        NameMatches(FrameTable frames, Pattern pattern) {
            this.frames = frames;
            this.pattern = pattern;
            this.cache = new byte[frames.nameCount()];
        }

        boolean test(int frame) {
            if (pattern == null) {
                return true;
            }
            int name = frames.nameId(frame);
            if (cache[name] == 0) {
                cache[name] = pattern.matcher(frames.nameOf(name)).matches() ? (byte) 1 : (byte) 2;
            }
            return cache[name] == 1;
        }
    }

    /**
     * Merge a function into its callers: its frames leave every stack, so its self weight becomes its
     * caller's self weight and its callees become its caller's callees. Where it was the only frame, its
     * weight stays on the root.
     */
    public static final class Merge extends Transform {
        private final String regex;
        private final Pattern pattern;
        private final String shown;

        private Merge(String regex, String shown) {
            this.regex = regex;
            this.pattern = Pattern.compile(regex);
            this.shown = shown;
        }

        /** Merges the frames whose whole name matches {@code regex} (a valid regular expression). */
        public static Merge matching(String regex) {
            return new Merge(regex, regex);
        }

        /** Merges the frames of exactly this function. */
        public static Merge function(String name) {
            return new Merge(literal(name), shortName(name));
        }

        @Override
        public String spec() {
            return "merge=" + regex;
        }

        @Override
        public String label() {
            return "Merge " + shown;
        }

        @Override
        Step start(FrameTable frames, MadeUpFrames madeUp) {
            NameMatches merged = new NameMatches(frames, pattern);
            return (in, n, out) -> {
                int k = 0;
                for (int i = 0; i < n; i++) {
                    if (!merged.test(in[i])) {
                        out[k++] = in[i];
                    }
                }
                return k;
            };
        }
    }

    /**
     * Collapse recursion of the functions matching a regex (every function when none is given).
     * <ul>
     * <li>direct: a run of calls of a function to itself becomes one frame, {@code A>A>A>B} becomes
     * {@code A>B};</li>
     * <li>indirect (the default): everything between a function's outermost call and a deeper call of the
     * same function goes too, {@code A>B>A>C} becomes {@code A>C}, so the function appears at most once in
     * any stack.</li>
     * </ul>
     */
    public static final class CollapseRecursion extends Transform {
        private final String regex;
        private final Pattern pattern;
        private final boolean directOnly;
        private final String shown;

        private CollapseRecursion(String regex, boolean directOnly, String shown) {
            this.regex = regex;
            this.pattern = regex == null ? null : Pattern.compile(regex);
            this.directOnly = directOnly;
            this.shown = shown;
        }

        /** Of every function ({@code regex} null) or of those whose whole name matches it. */
        public static CollapseRecursion matching(String regex, boolean directOnly) {
            return new CollapseRecursion(regex, directOnly, regex);
        }

        /** Of exactly this function. */
        public static CollapseRecursion function(String name, boolean directOnly) {
            return new CollapseRecursion(literal(name), directOnly, shortName(name));
        }

        public boolean directOnly() {
            return directOnly;
        }

        @Override
        public String spec() {
            return (directOnly ? "collapse-direct-recursion" : "collapse-recursion") + (regex == null ? "" : "=" + regex);
        }

        @Override
        public String label() {
            return (directOnly ? "Collapse direct recursion" : "Collapse recursion") + (shown == null ? "" : ": " + shown);
        }

        @Override
        Step start(FrameTable frames, MadeUpFrames madeUp) {
            NameMatches recursive = new NameMatches(frames, pattern);
            if (directOnly) {
                return (in, n, out) -> {
                    int k = 0;
                    for (int i = 0; i < n; i++) {
                        if (k > 0 && frames.nameId(out[k - 1]) == frames.nameId(in[i]) && recursive.test(in[i])) {
                            continue;
                        }
                        out[k++] = in[i];
                    }
                    return k;
                };
            }
            // Where each name sits in the output so far (index + 1; 0 for absent), reset after each stack.
            int[] at = new int[frames.nameCount()];
            return (in, n, out) -> {
                int k = 0;
                for (int i = 0; i < n; i++) {
                    int name = frames.nameId(in[i]);
                    if (at[name] > 0 && recursive.test(in[i])) {
                        int keep = at[name];
                        for (int j = keep; j < k; j++) {
                            at[frames.nameId(out[j])] = 0;
                        }
                        k = keep; // back to the outermost call; the deeper one's callees attach to it
                        continue;
                    }
                    if (at[name] == 0) {
                        at[name] = k + 1;
                    }
                    out[k++] = in[i];
                }
                for (int j = 0; j < k; j++) {
                    at[frames.nameId(out[j])] = 0;
                }
                return k;
            };
        }
    }

    /**
     * Collapse a package (a library) to one frame: each run of calls within it, subpackages included,
     * becomes one frame named after the package, so {@code java.util.HashMap.get>java.util.HashMap.hash}
     * becomes {@code java.util}. Calls out of the package and back in stay separate runs.
     */
    public static final class CollapsePackage extends Transform {
        private final String packageName;

        private CollapsePackage(String packageName) {
            this.packageName = packageName;
        }

        /** {@code java.util}, or {@code java.util.} (the dot is implied). */
        public static CollapsePackage of(String packageName) {
            String p = packageName.endsWith(".") ? packageName.substring(0, packageName.length() - 1) : packageName;
            return new CollapsePackage(p);
        }

        /** The package of a dotted method name: "java.util" of "java.util.HashMap.get", or null for none. */
        public static String packageOf(String methodName) {
            int method = methodName.lastIndexOf('.');
            int type = method <= 0 ? -1 : methodName.lastIndexOf('.', method - 1);
            return type <= 0 ? null : methodName.substring(0, type);
        }

        public String packageName() {
            return packageName;
        }

        @Override
        public String spec() {
            return "collapse=" + packageName;
        }

        @Override
        public String label() {
            return "Collapse " + packageName;
        }

        @Override
        Step start(FrameTable frames, MadeUpFrames madeUp) {
            String prefix = packageName + ".";
            byte[] inPackage = new byte[frames.nameCount()];
            return (in, n, out) -> {
                int k = 0;
                boolean inRun = false;
                for (int i = 0; i < n; i++) {
                    int f = in[i];
                    int name = frames.nameId(f);
                    if (inPackage[name] == 0) {
                        inPackage[name] = frames.nameOf(name).startsWith(prefix) ? (byte) 1 : (byte) 2;
                    }
                    boolean member = inPackage[name] == 1 && isCode(frames, f);
                    if (member && !inRun) {
                        out[k++] = madeUp.frame(packageName, frames.kind(f));
                    } else if (!member) {
                        out[k++] = f;
                    }
                    inRun = member;
                }
                return k;
            };
        }
    }

    /**
     * Only my code: frames of the JDK and of libraries (names starting with one of the prefixes) leave every
     * stack, their weight going to the nearest caller that stays. A stack with no code of its own keeps its
     * outermost frame, so its weight still shows under the thread's entry point rather than nowhere.
     */
    public static final class OnlyMyCode extends Transform {
        private final List<String> prefixes;

        private OnlyMyCode(List<String> prefixes) {
            this.prefixes = List.copyOf(prefixes);
        }

        /** Hides {@link #LIBRARY_PREFIXES} and, in addition, names starting with any of {@code more}. */
        public static OnlyMyCode hiding(List<String> more) {
            List<String> all = new java.util.ArrayList<>(LIBRARY_PREFIXES);
            for (String p : more) {
                if (!p.isEmpty() && !all.contains(p)) {
                    all.add(p);
                }
            }
            return new OnlyMyCode(all);
        }

        public List<String> prefixes() {
            return prefixes;
        }

        @Override
        public String spec() {
            List<String> extra = prefixes.subList(LIBRARY_PREFIXES.size(), prefixes.size());
            return "only-my-code" + (extra.isEmpty() ? "" : "=" + String.join(",", extra));
        }

        @Override
        public String label() {
            return prefixes.size() == LIBRARY_PREFIXES.size() ? "Only my code"
                    : "Only my code (hiding " + String.join(", ", prefixes.subList(LIBRARY_PREFIXES.size(),
                    prefixes.size())) + " too)";
        }

        @Override
        Step start(FrameTable frames, MadeUpFrames madeUp) {
            byte[] library = new byte[frames.nameCount()];
            return (in, n, out) -> {
                int k = 0;
                boolean code = false;
                for (int i = 0; i < n; i++) {
                    int f = in[i];
                    int name = frames.nameId(f);
                    if (library[name] == 0) {
                        library[name] = hides(frames.nameOf(name)) ? (byte) 1 : (byte) 2;
                    }
                    boolean isCode = isCode(frames, f);
                    if (library[name] == 2 || !isCode) {
                        out[k++] = f;
                        code |= isCode;
                    }
                }
                if (!code && n > 0 && isCode(frames, in[0])) {
                    System.arraycopy(out, 0, out, 1, k);
                    out[0] = in[0];
                    k++;
                }
                return k;
            };
        }

        private boolean hides(String name) {
            return startsWithAny(name, prefixes);
        }
    }
}
