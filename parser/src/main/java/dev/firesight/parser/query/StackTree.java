package dev.firesight.parser.query;

import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.util.IntList;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The call tree of every distinct stack of one view's samples, merged by frame name, built once per profile,
 * view and direction (top-down or bottom-up) and shared by all queries of that view. A query then only adds
 * its weights at each stack's leaf node and sums them up the tree, which is linear in the tree's size:
 * changing time ranges, threads or filters no longer re-inserts every stack frame by frame.
 *
 * <p>A tree covers one view's stacks, not the whole profile's: a JDK recording's 18 thousand CPU samples
 * reach a small part of the prefixes its 11 million allocation samples do, and the CPU flame graph, drawn
 * first and again for every partial profile while a recording is read, should not wait for the rest.
 *
 * <p>Nodes are numbered level by level, and a node's children in name order, so its children are the
 * consecutive ids {@code [childStart[n], childStart[n + 1])}: two ints per node. Days of recordings from many
 * JVMs have tens of millions of distinct prefixes, and this tree has to fit beside their samples in the
 * default heap of a laptop JVM.
 */
final class StackTree {
    private final int size;
    /** Each node's frame: the frame of the first stack (in stack order) that reached the node. */
    private final int[] frames;
    private final int[] childStart;
    /** Each stack's leaf node, or -1 for a stack no sample of the tree's view has. */
    private final int[] leafOfStack;
    /** See {@link #repeats}. */
    private BitSet repeats;

    private StackTree(int[] frames, int[] childStart, int[] leafOfStack) {
        this.size = frames.length;
        this.frames = frames;
        this.childStart = childStart;
        this.leafOfStack = leafOfStack;
    }

    /**
     * The tree of a view's stacks, built on first use and shared by the views that read the same rows. It is
     * held softly: a bottom-up tree of deep, varied stacks can have millions of nodes, and under memory
     * pressure it is better rebuilt than kept.
     */
    static StackTree of(Profile profile, ViewKind view, boolean reverse) {
        SampleTable table = profile.samples(view);
        String key = (reverse ? "stack-tree-bottom-up/" : "stack-tree-top-down/") + table.rowsView().id();
        SoftCache<StackTree> cache = profile.derived(key, SoftCache::new);
        return cache.get(() -> {
            BitSet used = usedStacks(table, profile.stacks().size());
            return reverse ? bottomUp(profile, used) : topDown(profile, used);
        });
    }

    /** The stacks that samples of {@code table} have. */
    private static BitSet usedStacks(SampleTable table, int stackCount) {
        BitSet used = new BitSet(stackCount);
        for (int i = 0, n = table.size(); i < n; i++) {
            int stack = table.stack(i);
            if (stack >= 0) {
                used.set(stack);
            }
        }
        return used;
    }

    /**
     * Maps each prefix node of the stacks once, level by level: the prefix nodes of one depth are sorted by
     * their parent's tree node and then by name, and each run of equal (parent, name) becomes one tree node.
     * No hash table: one of (parent, name) over tens of millions of prefixes cost more than the tree.
     *
     * <p>Each pass over the prefix nodes is a method of its own. This runs once per view, on millions of nodes, in a
     * JVM that has not compiled it yet: with every loop in one method, C2 compiled the whole method again for each
     * loop that became hot (four times, 340 ms of compiling beside the first query of the 228 MiB file).
     */
    private static StackTree topDown(Profile profile, BitSet used) {
        StackTable stacks = profile.stacks();
        int count = stacks.nodeCount();
        boolean[] onPath = new boolean[count];
        int maxDepth = markPaths(stacks, used, onPath);
        int[] levelStart = levelStarts(stacks, onPath, maxDepth);
        int marked = levelStart[maxDepth + 1];
        int widest = 0;
        for (int d = 1; d <= maxDepth + 1; d++) {
            widest = Math.max(widest, levelStart[d] - levelStart[d - 1]);
        }
        int[] byDepth = byDepth(stacks, onPath, levelStart, marked);
        int[] treeOf = new int[count];
        Levels levels = new Levels(profile.frames(), marked / 4, widest);
        for (int d = 1; d <= maxDepth; d++) {
            addPrefixLevel(levels, stacks, byDepth, levelStart[d], levelStart[d + 1], treeOf);
        }
        return levels.finish(leavesOf(stacks, used, treeOf));
    }

    /** Marks the prefix nodes on the used stacks' paths, a walk up stopping at a node already marked; returns the deepest stack's depth. */
    private static int markPaths(StackTable stacks, BitSet used, boolean[] onPath) {
        int maxDepth = 0;
        for (int s = used.nextSetBit(0); s >= 0; s = used.nextSetBit(s + 1)) {
            maxDepth = Math.max(maxDepth, stacks.depth(s));
            for (int n = stacks.node(s); n > 0 && !onPath[n]; n = stacks.parent(n)) {
                onPath[n] = true;
            }
        }
        return maxDepth;
    }

    /** Where each depth's marked prefix nodes start in {@link #byDepth}; the last entry is how many are marked. */
    private static int[] levelStarts(StackTable stacks, boolean[] onPath, int maxDepth) {
        int[] levelStart = new int[maxDepth + 2];
        for (int n = 1; n < onPath.length; n++) {
            if (onPath[n]) {
                levelStart[stacks.nodeDepth(n) + 1]++;
            }
        }
        for (int d = 1; d <= maxDepth + 1; d++) {
            levelStart[d] += levelStart[d - 1];
        }
        return levelStart;
    }

    /** The marked prefix nodes by depth, in id order within a depth (a counting sort). */
    private static int[] byDepth(StackTable stacks, boolean[] onPath, int[] levelStart, int marked) {
        int[] byDepth = new int[marked];
        int[] fill = levelStart.clone();
        for (int n = 1; n < onPath.length; n++) {
            if (onPath[n]) {
                byDepth[fill[stacks.nodeDepth(n)]++] = n;
            }
        }
        return byDepth;
    }

    /** Adds the tree nodes of the prefix nodes {@code byDepth[from, to)}, one depth, and notes each one's tree node. */
    private static void addPrefixLevel(Levels levels, StackTable stacks, int[] byDepth, int from, int to, int[] treeOf) {
        int width = to - from;
        for (int k = 0; k < width; k++) {
            int n = byDepth[from + k];
            levels.parentOf[k] = treeOf[stacks.parent(n)];
            levels.frameOf[k] = stacks.nodeFrame(n);
        }
        levels.addLevel(width);
        for (int k = 0; k < width; k++) {
            treeOf[byDepth[from + k]] = levels.nodeOf[k];
        }
    }

    /** Each stack's leaf node, -1 for a stack not used. */
    private static int[] leavesOf(StackTable stacks, BitSet used, int[] treeOf) {
        int[] leafOf = new int[stacks.size()];
        for (int stack = 0; stack < leafOf.length; stack++) {
            leafOf[stack] = used.get(stack) ? treeOf[stacks.node(stack)] : -1;
        }
        return leafOf;
    }

    /**
     * Inserts every stack from its leaf up, level by level: at depth d each stack still deeper than d moves
     * one prefix node towards the root, and the stacks are grouped by (tree node so far, name).
     */
    private static StackTree bottomUp(Profile profile, BitSet used) {
        StackTable stacks = profile.stacks();
        int stackCount = stacks.size();
        int[] leafOf = new int[stackCount];
        int[] prefix = new int[stackCount];
        int[] active = new int[used.cardinality()];
        int width = 0;
        for (int s = 0; s < stackCount; s++) {
            prefix[s] = stacks.node(s);
            if (!used.get(s)) {
                leafOf[s] = -1;
            } else if (stacks.depth(s) > 0) {
                active[width++] = s;
            }
        }
        Levels levels = new Levels(profile.frames(), stackCount, width);
        for (int d = 1; width > 0; d++) {
            for (int k = 0; k < width; k++) {
                int s = active[k];
                levels.parentOf[k] = leafOf[s];
                levels.frameOf[k] = stacks.nodeFrame(prefix[s]);
            }
            levels.addLevel(width);
            int still = 0;
            for (int k = 0; k < width; k++) {
                int s = active[k];
                leafOf[s] = levels.nodeOf[k];
                prefix[s] = stacks.parent(prefix[s]);
                if (stacks.depth(s) > d) {
                    active[still++] = s;
                }
            }
            width = still;
        }
        return levels.finish(leafOf);
    }

    /**
     * The tree as it is built, one level at a time. The caller fills {@link #parentOf} and {@link #frameOf}
     * for the level's items (prefix nodes or stacks, in the order whose first item decides a node's frame),
     * and {@link #addLevel} answers each item's tree node in {@link #nodeOf}.
     */
    private static final class Levels {
        private final FrameTable frameTable;
        private final int[] rank;
        private final IntList frames;
        private final IntList childStart;
        /** The previous level's nodes, the parents of the level being added. */
        private int parentsFrom = 0;
        private int parentsTo = 1;
        final int[] parentOf;
        final int[] frameOf;
        final int[] nodeOf;
        private final int[] byParent;
        private long[] group = new long[64];

        Levels(FrameTable frameTable, int expectedNodes, int widest) {
            this.frameTable = frameTable;
            this.rank = frameTable.nameRanks();
            this.frames = new IntList(Math.max(16, expectedNodes));
            this.childStart = new IntList(Math.max(16, expectedNodes));
            frames.add(-1);
            parentOf = new int[widest];
            frameOf = new int[widest];
            nodeOf = new int[widest];
            byParent = new int[widest];
        }

        void addLevel(int width) {
            int[] start = groupByParent(width);
            for (int p = 0, parents = start.length - 1; p < parents; p++) {
                childStart.add(frames.size());
                addChildren(start[p], start[p + 1] - start[p]);
            }
            parentsFrom = parentsTo;
            parentsTo = frames.size();
        }

        /**
         * Puts the level's items in {@link #byParent} grouped by parent node, keeping their order within a parent
         * (a counting sort); returns where each parent's items start, and their end.
         */
        private int[] groupByParent(int width) {
            int parents = parentsTo - parentsFrom;
            int[] start = new int[parents + 1];
            for (int k = 0; k < width; k++) {
                start[parentOf[k] - parentsFrom + 1]++;
            }
            for (int p = 0; p < parents; p++) {
                start[p + 1] += start[p];
            }
            int[] fill = Arrays.copyOf(start, parents);
            for (int k = 0; k < width; k++) {
                byParent[fill[parentOf[k] - parentsFrom]++] = k;
            }
            return start;
        }

        /** Adds the children of one parent, one per name, from its {@code items} items at {@code byParent[from]}. */
        private void addChildren(int from, int items) {
            if (items == 0) {
                return;
            }
            if (items > group.length) {
                group = new long[Math.max(items, group.length * 2)];
            }
            // By name rank, then by position, so the first item of each name comes first.
            for (int j = 0; j < items; j++) {
                group[j] = (long) rank[frameTable.nameId(frameOf[byParent[from + j]])] << 32 | j;
            }
            Arrays.sort(group, 0, items);
            int lastRank = -1;
            int node = -1;
            for (int j = 0; j < items; j++) {
                int k = byParent[from + (int) group[j]];
                int r = (int) (group[j] >>> 32);
                if (r != lastRank) {
                    node = frames.size();
                    frames.add(frameOf[k]);
                    lastRank = r;
                }
                nodeOf[k] = node;
            }
        }

        StackTree finish(int[] leafOf) {
            while (childStart.size() <= frames.size()) {
                childStart.add(frames.size());
            }
            return new StackTree(frames.toArray(), childStart.toArray(), leafOf);
        }
    }

    /** Nodes, the root included. */
    int size() {
        return size;
    }

    /** The frame a node shows: that of the first stack that reached it. */
    int frame(int node) {
        return frames[node];
    }

    /**
     * The profile's top-down tree with the totals of one query's weights on it: the flame graph's tree and the
     * hot methods of a query both start from these, so a query sums them once.
     */
    record Weighed(ViewKind view, StackTree tree, long[] totals) {
        static Weighed of(Profile profile, StackWeights weights) {
            StackTree tree = StackTree.of(profile, weights.view(), false);
            return new Weighed(weights.view(), tree, tree.totals(weights));
        }
    }

    /** Each node's total under {@code weights}: the weight of the stacks that end in its subtree. */
    long[] totals(StackWeights weights) {
        long[] total = new long[size];
        for (int i = 0; i < weights.size(); i++) {
            total[leafOfStack[weights.stack(i)]] += weights.weight(i);
        }
        // Children are numbered after their parent, so one backward pass sums every subtree in place.
        for (int n = size - 1; n >= 0; n--) {
            total[n] += childTotal(n, total);
        }
        return total;
    }

    /** The sum of a node's children's {@code totals}; its own total less this is its self. */
    long childTotal(int node, long[] totals) {
        long sum = 0;
        for (int c = childStart[node]; c < childStart[node + 1]; c++) {
            sum += totals[c];
        }
        return sum;
    }

    /** Children of {@code node} are the ids from this on, up to {@code childEnd(node)}. */
    int childStart(int node) {
        return childStart[node];
    }

    int childEnd(int node) {
        return childStart[node + 1];
    }

    /**
     * The nodes whose frame's name is also on their path above them (recursion): worked out once per tree by
     * a depth-first walk that counts the names on the current path. A node not in it is the topmost of its
     * name on every stack through it, so summing those nodes counts each stack once per name.
     */
    synchronized BitSet repeats(FrameTable frameTable) {
        if (repeats == null) {
            BitSet out = new BitSet(size);
            int[] onPath = new int[frameTable.nameCount()];
            int[] path = new int[64];
            int[] next = new int[64];
            int depth = 0;
            next[0] = childStart[0];
            while (depth >= 0) {
                int node = path[depth];
                if (next[depth] < childStart[node + 1]) {
                    int child = next[depth]++;
                    int name = frameTable.nameId(frames[child]);
                    if (onPath[name]++ > 0) {
                        out.set(child);
                    }
                    if (++depth == path.length) {
                        path = Arrays.copyOf(path, depth * 2);
                        next = Arrays.copyOf(next, depth * 2);
                    }
                    path[depth] = child;
                    next[depth] = childStart[child];
                } else {
                    if (depth > 0) {
                        onPath[frameTable.nameId(frames[node])]--;
                    }
                    depth--;
                }
            }
            repeats = out;
        }
        return repeats;
    }

    /** The query's call tree: this tree's nodes that carry weight, with their self and total. */
    CallTree project(Profile profile, ProfileQuery query, StackWeights weights) {
        return project(profile, query, weights, totals(weights), null, 0);
    }

    /**
     * The query's call tree as a flame graph zoomed along {@code focusPath} (name ids) can draw it, when
     * {@code minFraction} is above 0: as {@link BottomUpTree} builds a reversed one, a node's children are
     * kept only when it lies on the focus path or is at least {@code minFraction} of the focused node's total
     * (below it) or of the root's (elsewhere); every node kept has its exact self and total. The full CPU tree
     * of days of recordings has millions of nodes, nearly all narrower than a pixel.
     */
    CallTree project(Profile profile, ProfileQuery query, StackWeights weights, long[] total, int[] focusPath,
                     double minFraction) {
        int[] focus = focusPath == null ? new int[0] : focusPath;
        boolean pruned = minFraction > 0;
        long general = threshold(total[0], minFraction);
        long focusThreshold = general;
        int focusNode = focus.length == 0 ? CallTree.ROOT : CallTree.NONE;
        FrameTable frameTable = profile.frames();
        // The kept nodes in this tree's own order, which keeps children after parents and in name order. A
        // node's place: 0 elsewhere, 1 on the focus path above the focused node, 2 the focused node or below.
        IntList original = new IntList(pruned ? 1024 : size);
        IntList parentOf = new IntList(pruned ? 1024 : size);
        IntList depthOf = new IntList(pruned ? 1024 : size);
        IntList placeOf = new IntList(pruned ? 1024 : size);
        original.add(0);
        parentOf.add(CallTree.NONE);
        depthOf.add(0);
        placeOf.add(focus.length == 0 ? 2 : 1);
        for (int m = 0; m < original.size(); m++) {
            int n = original.get(m);
            int place = placeOf.get(m);
            int depth = depthOf.get(m);
            boolean expand = m == CallTree.ROOT || place == 1
                    || total[n] >= (place == 2 ? focusThreshold : general);
            for (int c = expand ? childStart[n] : childStart[n + 1]; c < childStart[n + 1]; c++) {
                if (total[c] == 0) {
                    continue;
                }
                int childPlace = BottomUpTree.childPlace(place, depth, focus, frameTable.nameId(frames[c]));
                if (place != 2 && childPlace == 2) {
                    focusNode = original.size();
                    focusThreshold = threshold(total[c], minFraction);
                }
                original.add(c);
                parentOf.add(m);
                depthOf.add(depth + 1);
                placeOf.add(childPlace);
            }
        }
        int kept = original.size();
        int[] outNames = new int[kept];
        int[] outFrames = new int[kept];
        int[] outFirst = new int[kept];
        int[] outNext = new int[kept];
        long[] outSelf = new long[kept];
        long[] outTotal = new long[kept];
        Arrays.fill(outFirst, CallTree.NONE);
        Arrays.fill(outNext, CallTree.NONE);
        outNames[CallTree.ROOT] = Integer.MIN_VALUE;
        outFrames[CallTree.ROOT] = -1;
        for (int m = 0; m < kept; m++) {
            int n = original.get(m);
            if (m != CallTree.ROOT) {
                outFrames[m] = frames[n];
                outNames[m] = frameTable.nameId(frames[n]);
                int parent = parentOf.get(m);
                if (parentOf.get(m - 1) == parent) {
                    outNext[m - 1] = m; // siblings were added one after another
                } else {
                    outFirst[parent] = m;
                }
            }
            outSelf[m] = total[n] - childTotal(n, total);
            outTotal[m] = total[n];
        }
        return new CallTree(profile, query, outNames, outFrames, parentOf.toArray(), outFirst, outNext,
                depthOf.toArray(), outSelf, outTotal, kept, weights.samples(), pruned ? new CallTree.Pruning(weights,
                focusNode, focusThreshold, general, minFraction, Integer.MAX_VALUE) : null);
    }

    private static long threshold(long total, double minFraction) {
        return (long) Math.floor(total * minFraction);
    }
}
