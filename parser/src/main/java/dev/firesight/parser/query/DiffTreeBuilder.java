package dev.firesight.parser.query;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingInfo;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.util.LongIntMap;
import dev.firesight.parser.util.StringInterner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Merges two captures (two recordings, or two time ranges of one) into a {@link DiffTree}. Both are
 * inserted into one tree, so neither side's frames are lost, and each capture's column sums to its
 * own total.
 */
public final class DiffTreeBuilder {
    /** One side of a comparison. */
    public record Capture(Profile profile, ProfileQuery query, String label) {
        /** The capture's length in seconds: its time range within the recording, or the recording. */
        public double durationSeconds() {
            RecordingInfo info = profile.info();
            long from = Math.max(query.fromNanos(), info.startNanos());
            long to = Math.min(query.toNanos(), info.endNanos());
            return Math.max(0, to - from) / 1e9;
        }
    }

    private DiffTreeBuilder() {
    }

    public static DiffTree build(Capture base, Capture target, BooleanSupplier cancelled) {
        StringInterner names = new StringInterner();
        names.intern("all");
        Merge merge = new Merge();
        StackWeights baseWeights = StackWeights.compute(base.profile(), base.query(), cancelled);
        StackWeights targetWeights = StackWeights.compute(target.profile(), target.query(), cancelled);
        merge.add(base, baseWeights, names, true);
        merge.add(target, targetWeights, names, false);
        return merge.freeze(names, base, target, caveats(base, target, baseWeights, targetWeights));
    }

    static List<String> caveats(Capture base, Capture target, StackWeights b, StackWeights t) {
        List<String> out = new ArrayList<>();
        if (base.query().view() != target.query().view()) {
            out.add("The captures show different views (" + base.query().view().id() + " and "
                    + target.query().view().id() + "); their weights do not measure the same thing.");
        }
        if (b.samples() == 0 || t.samples() == 0) {
            out.add("The " + (b.samples() == 0 ? "baseline" : "target") + " has no samples in this view.");
        }
        double bs = base.durationSeconds();
        double ts = target.durationSeconds();
        if (bs > 0 && ts > 0 && Math.max(bs, ts) / Math.min(bs, ts) > 2) {
            out.add(String.format(Locale.ROOT, "The baseline lasts %.1f s and the target %.1f s; compare shares or"
                    + " rates rather than absolute weights.", bs, ts));
        }
        if (b.samples() > 0 && t.samples() > 0
                && Math.max(b.samples(), t.samples()) / (double) Math.min(b.samples(), t.samples()) > 4) {
            out.add("The baseline has " + b.samples() + " samples and the target " + t.samples()
                    + "; small changes in the smaller one are noise.");
        }
        RecordingInfo bi = base.profile().info();
        RecordingInfo ti = target.profile().info();
        if (!Objects.equals(bi.producer(), ti.producer())) {
            out.add("The captures were recorded by different profilers (" + bi.producer() + " and " + ti.producer()
                    + "), which sample differently.");
        }
        if (bi.jvmVersion() != null && ti.jvmVersion() != null && !bi.jvmVersion().equals(ti.jvmVersion())) {
            out.add("The captures come from different JVMs (" + firstLine(bi.jvmVersion()) + " and "
                    + firstLine(ti.jvmVersion()) + ").");
        }
        return out;
    }

    /** "OpenJDK 64-Bit Server VM (17.0.15+6) for linux..." becomes "17.0.15+6". */
    private static String firstLine(String s) {
        int open = s.indexOf('(');
        int close = s.indexOf(')', open + 1);
        return open >= 0 && close > open ? s.substring(open + 1, close) : s.lines().findFirst().orElse(s);
    }

    /** The merged node arrays, filled from both sides. */
    private static final class Merge {
        int size = 1;
        int[] names = new int[1024];
        FrameKind[] kinds = new FrameKind[1024];
        int[] parents = new int[1024];
        int[] depths = new int[1024];
        long[][] self = {new long[1024], new long[1024]};
        long[][] total = {new long[1024], new long[1024]};
        final LongIntMap index = new LongIntMap(1024);

        Merge() {
            parents[0] = DiffTree.NONE;
            kinds[0] = FrameKind.UNKNOWN;
        }

        void add(Capture capture, StackWeights weights, StringInterner unified, boolean base) {
            Profile profile = capture.profile();
            StackTable stacks = profile.stacks();
            int[] nameMap = new int[profile.frames().nameCount()];
            Arrays.fill(nameMap, -1);
            int side = base ? 0 : 1;
            boolean reverse = capture.query().reverse();
            for (int i = 0; i < weights.size(); i++) {
                long w = weights.weight(i);
                int stack = weights.stack(i);
                int node = DiffTree.ROOT;
                total[side][node] += w;
                if (weights.thread(i) >= 0) {
                    node = child(node, unified.intern(profile.threadName(weights.thread(i))), FrameKind.THREAD);
                    total[side][node] += w;
                }
                int depth = stacks.depth(stack);
                for (int d = 0; d < depth; d++) {
                    int frame = stacks.frame(stack, reverse ? depth - 1 - d : d);
                    int local = profile.frames().nameId(frame);
                    if (nameMap[local] < 0) {
                        nameMap[local] = unified.intern(HiddenClassNames.normalize(profile.frames().nameOf(local)));
                    }
                    node = child(node, nameMap[local], profile.frames().kind(frame));
                    total[side][node] += w;
                }
                self[side][node] += w;
            }
        }

        private int child(int parent, int name, FrameKind kind) {
            int c = index.get(parent, name);
            if (c != LongIntMap.MISSING) {
                return c;
            }
            if (size == names.length) {
                int n = size * 2;
                names = Arrays.copyOf(names, n);
                kinds = Arrays.copyOf(kinds, n);
                parents = Arrays.copyOf(parents, n);
                depths = Arrays.copyOf(depths, n);
                for (int s = 0; s < 2; s++) {
                    self[s] = Arrays.copyOf(self[s], n);
                    total[s] = Arrays.copyOf(total[s], n);
                }
            }
            c = size++;
            names[c] = name;
            kinds[c] = kind;
            parents[c] = parent;
            depths[c] = depths[parent] + 1;
            index.put(parent, name, c);
            return c;
        }

        DiffTree freeze(StringInterner unified, Capture base, Capture target, List<String> caveats) {
            String[] text = unified.toArray();
            Integer[] order = new Integer[size - 1];
            for (int i = 1; i < size; i++) {
                order[i - 1] = i;
            }
            Arrays.sort(order, (a, b) -> {
                int p = Integer.compare(parents[a], parents[b]);
                return p != 0 ? p : text[names[a]].compareTo(text[names[b]]);
            });
            int[] first = new int[size];
            int[] next = new int[size];
            Arrays.fill(first, DiffTree.NONE);
            Arrays.fill(next, DiffTree.NONE);
            for (int i = order.length - 1; i >= 0; i--) {
                int c = order[i];
                next[c] = first[parents[c]];
                first[parents[c]] = c;
            }
            return new DiffTree(text, Arrays.copyOf(names, size), Arrays.copyOf(kinds, size),
                    Arrays.copyOf(parents, size), first, next, Arrays.copyOf(depths, size),
                    Arrays.copyOf(self[0], size), Arrays.copyOf(total[0], size), Arrays.copyOf(self[1], size),
                    Arrays.copyOf(total[1], size), base.durationSeconds(), target.durationSeconds(), caveats);
        }
    }
}
