package dev.firesight.parser.query;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingInfo;
import dev.firesight.parser.StackTable;
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
        /**
         * The capture's length in seconds: its time range within the recording, the recording less that
         * range when the range is a hole, or the whole recording.
         */
        public double durationSeconds() {
            RecordingInfo info = profile.info();
            long from = Math.max(query.fromNanos(), info.startNanos());
            long to = Math.min(query.toNanos(), info.endNanos());
            long range = Math.max(0, to - from);
            long nanos = query.outside() ? info.endNanos() - info.startNanos() - range : range;
            return Math.max(0, nanos) / 1e9;
        }
    }

    private DiffTreeBuilder() {
    }

    public static DiffTree build(Capture base, Capture target, BooleanSupplier cancelled) {
        StringInterner names = new StringInterner();
        names.intern("all");
        StackWeights baseWeights = StackWeights.withSquares(base.profile(), base.query(), cancelled);
        StackWeights targetWeights = StackWeights.withSquares(target.profile(), target.query(), cancelled);
        TreeNodes nodes = new TreeNodes(baseWeights.size() + targetWeights.size(), 4, 4);
        add(nodes, base, baseWeights, names, 0, cancelled);
        add(nodes, target, targetWeights, names, 1, cancelled);
        return freeze(nodes, names, base, target, caveats(base, target, baseWeights, targetWeights));
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
        boolean lengthsDiffer = bs > 0 && ts > 0 && Math.max(bs, ts) / Math.min(bs, ts) > 2;
        if (lengthsDiffer) {
            out.add(String.format(Locale.ROOT, "The baseline lasts %.1f s and the target %.1f s; compare shares or"
                    + " rates rather than absolute weights.", bs, ts));
        }
        // Shares add up to one: where one part of the work shrank, every other part's share grows though its own
        // weight did not (a user saw an unchanged method drawn as the regression beside one that halved). Said
        // for captures of like lengths: of unlike ones, the sentence above already points to rates.
        if (!lengthsDiffer && b.total() > 0 && t.total() > 0 && Math.max(b.total(), t.total()) / (double) Math.min(b.total(), t.total()) > 1.5) {
            out.add(String.format(Locale.ROOT, "The target's total weight is %s times the baseline's; a part that"
                    + " did not change still changes its share, so compare absolute weights or rates to see which"
                    + " part did.", dev.firesight.parser.Wording.ratio(t.total() / (double) b.total())));
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
        // Compared as users read them: two builds of one Java version are the same JVM to them.
        if (bi.javaVersion() != null && ti.javaVersion() != null && !bi.javaVersion().equals(ti.javaVersion())) {
            out.add("The captures come from different Java versions (" + bi.javaVersion() + " and "
                    + ti.javaVersion() + "), whose JIT and libraries may differ.");
        } else if (bi.jvmName() != null && ti.jvmName() != null && !bi.jvmName().equals(ti.jvmName())) {
            out.add("The captures come from different JVMs (" + bi.jvmName() + " and " + ti.jvmName() + ").");
        }
        return out;
    }

    /**
     * Inserts one capture into the merged nodes: its weights go to columns {@code 2*side} (self) and
     * {@code 2*side+1} (total), the sums of its samples' squared weights (for significance) to double
     * columns {@code 2*side} (self) and {@code 2*side+1} (total); names are unified by text, with hidden-class suffixes normalised.
     */
    private static void add(TreeNodes nodes, Capture capture, StackWeights weights, StringInterner unified, int side,
                            BooleanSupplier cancelled) {
        Profile profile = capture.profile();
        StackTable stacks = profile.stacks();
        int[] nameMap = new int[profile.frames().nameCount()];
        Arrays.fill(nameMap, -1);
        boolean reverse = capture.query().reverse();
        int[] path = new int[64];
        for (int i = 0; i < weights.size(); i++) {
            if ((i & 4095) == 0 && cancelled.getAsBoolean()) {
                throw new java.util.concurrent.CancellationException("query was cancelled");
            }
            long w = weights.weight(i);
            double q = weights.squares(i);
            int stack = weights.stack(i);
            int node = DiffTree.ROOT;
            nodes.columns[2 * side + 1][node] += w;
            nodes.doubleColumns[2 * side + 1][node] += q;
            if (weights.thread(i) >= 0) {
                node = nodes.child(node, unified.intern(profile.threadName(weights.thread(i))),
                        FrameKind.THREAD.ordinal());
                nodes.columns[2 * side + 1][node] += w;
                nodes.doubleColumns[2 * side + 1][node] += q;
            }
            int depth = stacks.depth(stack);
            if (depth > path.length) {
                path = new int[depth * 2];
            }
            stacks.frames(stack, path);
            for (int d = 0; d < depth; d++) {
                int frame = path[reverse ? depth - 1 - d : d];
                int local = profile.frames().nameId(frame);
                if (nameMap[local] < 0) {
                    nameMap[local] = unified.intern(HiddenClassNames.normalize(profile.frames().nameOf(local)));
                }
                node = nodes.child(node, nameMap[local], profile.frames().kind(frame).ordinal());
                nodes.columns[2 * side + 1][node] += w;
                nodes.doubleColumns[2 * side + 1][node] += q;
            }
            nodes.columns[2 * side][node] += w;
            nodes.doubleColumns[2 * side][node] += q;
        }
    }

    /** Links children alphabetically by unified name and freezes the arrays into a {@link DiffTree}. */
    private static DiffTree freeze(TreeNodes nodes, StringInterner unified, Capture base, Capture target,
                                   List<String> caveats) {
        String[] text = unified.toArray();
        Integer[] order = new Integer[text.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> text[a].compareTo(text[b]));
        int[] rank = new int[text.length];
        int[] byRank = new int[text.length];
        for (int r = 0; r < order.length; r++) {
            rank[order[r]] = r;
            byRank[r] = order[r];
        }
        int[][] links = nodes.link(name -> rank[name], r -> byRank[r]);
        FrameKind[] kinds = new FrameKind[nodes.size];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = i == DiffTree.ROOT ? FrameKind.UNKNOWN : FrameKind.of(nodes.payloads[i]);
        }
        int[] names = nodes.trimmed(nodes.names);
        names[DiffTree.ROOT] = 0;
        return new DiffTree(text, names, kinds, nodes.trimmed(nodes.parents), links[0], links[1],
                nodes.trimmed(nodes.depths), nodes.trimmed(nodes.columns[0]), nodes.trimmed(nodes.columns[1]),
                nodes.trimmed(nodes.columns[2]), nodes.trimmed(nodes.columns[3]),
                nodes.trimmed(nodes.doubleColumns[0]), nodes.trimmed(nodes.doubleColumns[1]),
                nodes.trimmed(nodes.doubleColumns[2]), nodes.trimmed(nodes.doubleColumns[3]),
                base.durationSeconds(),
                target.durationSeconds(), caveats);
    }
}
