package dev.firesight.parser.query;

import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.StackTable;

/**
 * The call tree of every distinct stack of a profile, merged by frame name, built once per profile and
 * direction (top-down or bottom-up) and shared by all queries. A query then only adds its weights at
 * each stack's leaf node and sums them up the tree, which is linear in the tree's size: switching views
 * or time ranges no longer re-inserts every stack frame by frame.
 */
final class StackTree {
    private final int size;
    private final int[] names;
    private final int[] frames;
    private final int[] parents;
    private final int[] depths;
    private final int[] firstChildren;
    private final int[] nextSiblings;
    private final int[] leafOfStack;

    private StackTree(TreeNodes nodes, int[][] links, int[] leafOfStack) {
        this.size = nodes.size;
        this.names = nodes.trimmed(nodes.names);
        this.frames = nodes.trimmed(nodes.payloads);
        this.parents = nodes.trimmed(nodes.parents);
        this.depths = nodes.trimmed(nodes.depths);
        this.firstChildren = links[0];
        this.nextSiblings = links[1];
        this.leafOfStack = leafOfStack;
    }

    /**
     * The profile's shared tree, built on first use. It is held softly: a bottom-up tree of deep, varied
     * stacks can have millions of nodes, and under memory pressure it is better rebuilt than kept.
     */
    static StackTree of(Profile profile, boolean reverse) {
        SoftCache<StackTree> cache = profile.derived(reverse ? "stack-tree-bottom-up" : "stack-tree-top-down",
                SoftCache::new);
        return cache.get(() -> build(profile, reverse));
    }

    private static StackTree build(Profile profile, boolean reverse) {
        StackTable stacks = profile.stacks();
        FrameTable frames = profile.frames();
        TreeNodes nodes = new TreeNodes(reverse ? stacks.size() * 2 : stacks.nodeCount(), 0);
        int[] leafOf = reverse ? bottomUp(stacks, frames, nodes) : topDown(stacks, frames, nodes);
        int[] rank = frames.nameRanks();
        int[] byRank = frames.namesByRank();
        return new StackTree(nodes, nodes.link(name -> rank[name], r -> byRank[r]), leafOf);
    }

    /**
     * Maps each prefix node of the stacks once, from its parent's tree node: one lookup per distinct
     * prefix instead of one per frame of every stack. Parents are numbered before their children, and
     * prefixes in the order the stacks first used them, so tree nodes are created in the same order (and
     * with the same first frame) as inserting the stacks one by one would.
     */
    private static int[] topDown(StackTable stacks, FrameTable frames, TreeNodes nodes) {
        int[] treeNodeOf = new int[stacks.nodeCount()];
        treeNodeOf[StackTable.ROOT] = TreeNodes.ROOT;
        for (int n = 1; n < treeNodeOf.length; n++) {
            int frame = stacks.nodeFrame(n);
            treeNodeOf[n] = nodes.child(treeNodeOf[stacks.parent(n)], frames.nameId(frame), frame);
        }
        int[] leafOf = new int[stacks.size()];
        for (int stack = 0; stack < leafOf.length; stack++) {
            leafOf[stack] = treeNodeOf[stacks.node(stack)];
        }
        return leafOf;
    }

    /** Inserts each stack from its leaf up, which is walking its prefix nodes to the root. */
    private static int[] bottomUp(StackTable stacks, FrameTable frames, TreeNodes nodes) {
        int[] leafOf = new int[stacks.size()];
        int[] pathNames = new int[64];
        int[] pathNodes = new int[64];
        int pathLength = 0;
        for (int stack = 0; stack < stacks.size(); stack++) {
            int depth = stacks.depth(stack);
            if (depth > pathNames.length) {
                pathNames = java.util.Arrays.copyOf(pathNames, depth * 2);
                pathNodes = java.util.Arrays.copyOf(pathNodes, depth * 2);
            }
            int node = TreeNodes.ROOT;
            int prefix = stacks.node(stack);
            int d = 0;
            // Stacks were interned in recording order, so neighbours often share their leaf end too.
            for (int limit = Math.min(depth, pathLength); d < limit; d++, prefix = stacks.parent(prefix)) {
                if (frames.nameId(stacks.nodeFrame(prefix)) != pathNames[d]) {
                    break;
                }
                node = pathNodes[d];
            }
            for (; d < depth; d++, prefix = stacks.parent(prefix)) {
                int frame = stacks.nodeFrame(prefix);
                int name = frames.nameId(frame);
                node = nodes.child(node, name, frame);
                pathNames[d] = name;
                pathNodes[d] = node;
            }
            pathLength = depth;
            leafOf[stack] = node;
        }
        return leafOf;
    }

    /** The query's call tree: this tree's nodes that carry weight, with their self and total. */
    CallTree project(Profile profile, ProfileQuery query, StackWeights weights) {
        long[] self = new long[size];
        for (int i = 0; i < weights.size(); i++) {
            self[leafOfStack[weights.stack(i)]] += weights.weight(i);
        }
        long[] total = self.clone();
        // A child is always created after its parent, so one backward pass sums every subtree.
        for (int n = size - 1; n > 0; n--) {
            total[parents[n]] += total[n];
        }
        int[] newId = new int[size];
        int kept = 0;
        for (int n = 0; n < size; n++) {
            newId[n] = n == TreeNodes.ROOT || total[n] != 0 ? kept++ : -1;
        }
        int[] outNames = new int[kept];
        int[] outFrames = new int[kept];
        int[] outParents = new int[kept];
        int[] outDepths = new int[kept];
        int[] outFirst = new int[kept];
        int[] outNext = new int[kept];
        long[] outSelf = new long[kept];
        long[] outTotal = new long[kept];
        for (int n = 0; n < size; n++) {
            int m = newId[n];
            if (m < 0) {
                continue;
            }
            outNames[m] = names[n];
            outFrames[m] = frames[n];
            outParents[m] = n == TreeNodes.ROOT ? CallTree.NONE : newId[parents[n]];
            outDepths[m] = depths[n];
            outSelf[m] = self[n];
            outTotal[m] = total[n];
            outFirst[m] = firstKept(firstChildren[n], newId);
            outNext[m] = firstKept(n == TreeNodes.ROOT ? TreeNodes.NONE : nextSiblings[n], newId);
        }
        return new CallTree(profile, query, outNames, outFrames, outParents, outFirst, outNext, outDepths, outSelf,
                outTotal, kept, weights.samples());
    }

    /** The first node from {@code n} along the sibling chain that the query keeps, as its new id. */
    private int firstKept(int n, int[] newId) {
        while (n != TreeNodes.NONE && newId[n] < 0) {
            n = nextSiblings[n];
        }
        return n == TreeNodes.NONE ? CallTree.NONE : newId[n];
    }
}
