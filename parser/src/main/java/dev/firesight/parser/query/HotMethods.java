package dev.firesight.parser.query;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.FrameTable;
import dev.firesight.parser.Profile;
import dev.firesight.parser.ViewKind;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Self and total weight per method (per frame name). Self counts samples whose leaf is the method;
 * total counts samples with the method anywhere on the stack, once per sample even when recursive.
 *
 * <p>A leaf that says what was allocated rather than who allocated it gives its self weight to the allocation
 * site: a class frame in an allocation view grouped by method to its caller; in the native memory views the
 * allocator entry point async-profiler interposes ({@code malloc_hook}, {@code calloc_hook}, ...), every stack's
 * leaf there (the table said "malloc_hook 100%" and nothing else), to the deepest Java frame above it
 * ({@link NativeSites}). The hooks are not listed.
 */
public final class HotMethods {
    /** One method's weights. */
    public record Method(int nameId, String name, long self, long total) {
    }

    private HotMethods() {
    }

    /** All methods with any weight, by total descending then name. */
    public static List<Method> of(Profile profile, StackWeights weights) {
        return of(profile, weights, null);
    }

    /**
     * In an allocation view, who allocates or what is allocated, instead of {@link #of(Profile, StackWeights)}'s
     * frames, where classes (the leaves) take all the self weight and methods none: by
     * {@link AllocationSites.By#METHOD}, methods only, self being the weight they allocate themselves (as the
     * allocation site); by {@link AllocationSites.By#CLASS}, allocated classes only, self and total being the
     * weight allocated as that class.
     */
    public static List<Method> of(Profile profile, StackWeights weights, AllocationSites.By by) {
        return of(profile, StackTree.Weighed.of(profile, weights), by);
    }

    /** As {@link #of(Profile, StackWeights, AllocationSites.By)}, from a query's totals on the shared tree. */
    static List<Method> of(Profile profile, StackTree.Weighed weighed, AllocationSites.By by) {
        FrameTable frames = profile.frames();
        BitSet allocators = NATIVE_VIEWS.contains(weighed.view()) ? allocatorNames(frames) : null;
        if (allocators != null) {
            by = AllocationSites.By.METHOD;
        }
        Leaves leaves = new Leaves(frames, allocators);
        long[] self = new long[frames.nameCount()];
        long[] total = new long[frames.nameCount()];
        // From the shared top-down tree, merged by name, instead of walking every frame of every stack: each
        // node whose name is not already on its path above adds its subtree, so a stack counts once per name
        // however often it recurs, and a node's own weight (stacks that end there) goes to its self frame.
        StackTree tree = weighed.tree();
        long[] below = weighed.totals();
        BitSet repeats = tree.repeats(frames);
        // The allocation site of a class node under another class node (rare): found from its parent's.
        Map<Integer, Integer> siteOfClassNode = new HashMap<>();
        NativeSites sites = allocators == null ? null : new NativeSites(frames, allocators, tree.size());
        if (sites == null) {
            self(leaves, tree, below, CallTree.ROOT, -1, by, self, siteOfClassNode);
        }
        for (int parent = 0; parent < below.length; parent++) {
            if (below[parent] == 0) {
                continue;
            }
            for (int node = tree.childStart(parent); node < tree.childEnd(parent); node++) {
                if (below[node] == 0) {
                    continue;
                }
                int frame = tree.frame(node);
                if (!repeats.get(node) && counts(leaves, frame, by)) {
                    total[frames.nameId(frame)] += below[node];
                }
                if (sites != null) {
                    int site = sites.visit(node, parent, frame);
                    long own = below[node] - tree.childTotal(node, below);
                    if (own != 0 && site >= 0) {
                        self[frames.nameId(site)] += own;
                    }
                } else {
                    self(leaves, tree, below, node, parent, by, self, siteOfClassNode);
                }
            }
        }
        return sorted(frames, self, total);
    }

    private static final java.util.Set<ViewKind> NATIVE_VIEWS = java.util.EnumSet.of(ViewKind.NATIVE_ALLOC,
            ViewKind.NATIVE_LEAK);
    /** async-profiler's interposed allocator functions, the leaf of each of its native memory samples. */
    private static final Pattern ALLOCATOR = Pattern.compile(
            "(malloc|calloc|realloc|free|posix_memalign|aligned_alloc|memalign|valloc|pvalloc)_hook");

    private static BitSet allocatorNames(FrameTable frames) {
        BitSet names = new BitSet();
        for (int n = 0; n < frames.nameCount(); n++) {
            if (ALLOCATOR.matcher(frames.nameOf(n)).matches()) {
                names.set(n);
            }
        }
        return names;
    }

    /**
     * Where native memory was asked for, per node of the tree: the deepest Java frame on the node's path (the
     * method a developer can change; below it the JVM's and the C library's own wrappers, {@code os::malloc} or
     * {@code operator new}, took nearly all the self weight once the hook gave its away). Not when the JVM's tool
     * interface or a profiler's sampling allocated on the Java thread's behalf (async-profiler's own allocation
     * sampling put "HashMap.newNode" in the native table), nor on the JVM's own threads: there the deepest frame that
     * is neither a hook nor one of the JVM's allocation wrappers ({@code G1ParScanThreadState::G1ParScanThreadState},
     * not {@code os::malloc}). Parents are visited before their children.
     */
    private static final class NativeSites {
        private static final Pattern WRAPPER = Pattern.compile("os::(malloc|realloc|calloc|strdup|strdup_check_oom)"
                + "|(Re)?[Aa]llocateHeap(OrNull)?|operator new(\\[\\])?|.*::operator new(\\[\\])?|Arena::grow"
                + "|ChunkPool::allocate.*|MallocArrayAllocator<.*>::allocate");
        private static final Pattern PROFILER = Pattern.compile(".*([Jj]vmti|JVMTI|ObjectSampler|AllocTracer).*"
                + "|Profiler::.*");
        private final FrameTable frames;
        private final BitSet allocators;
        private final BitSet wrappers = new BitSet();
        private final BitSet profilers = new BitSet();
        private final int[] java;
        private final int[] other;
        private final int[] any;

        NativeSites(FrameTable frames, BitSet allocators, int nodes) {
            this.frames = frames;
            this.allocators = allocators;
            for (int n = 0; n < frames.nameCount(); n++) {
                wrappers.set(n, WRAPPER.matcher(frames.nameOf(n)).matches());
                profilers.set(n, PROFILER.matcher(frames.nameOf(n)).matches());
            }
            this.java = new int[nodes];
            this.other = new int[nodes];
            this.any = new int[nodes];
            java[CallTree.ROOT] = -1;
            other[CallTree.ROOT] = -1;
            any[CallTree.ROOT] = -1;
        }

        /** Notes a node under its (visited) parent and returns its site. */
        int visit(int node, int parent, int frame) {
            FrameKind kind = frames.kind(frame);
            int name = frames.nameId(frame);
            boolean isJava = kind == FrameKind.INTERPRETED || kind == FrameKind.JIT || kind == FrameKind.C1
                    || kind == FrameKind.INLINED;
            java[node] = isJava ? frame : profilers.get(name) ? -1 : java[parent];
            boolean hook = allocators.get(name);
            other[node] = hook || wrappers.get(name) ? other[parent] : frame;
            any[node] = hook ? any[parent] : frame;
            return java[node] >= 0 ? java[node] : other[node] >= 0 ? other[node] : any[node];
        }
    }

    /** Which frames say what was allocated (classes; in native views, allocator entry points) instead of who. */
    private record Leaves(FrameTable frames, BitSet allocators) {
        boolean what(int frame) {
            return allocators != null ? allocators.get(frames.nameId(frame)) : frames.kind(frame) == FrameKind.CLASS;
        }
    }

    /** Whether a frame's name is one the grouping {@code by} lists: every frame, methods only, or classes only. */
    private static boolean counts(Leaves leaves, int frame, AllocationSites.By by) {
        return by == null || leaves.what(frame) == (by == AllocationSites.By.CLASS);
    }

    /**
     * Adds the weight of the stacks that end at {@code node} to the self of their self frame: the leaf; by
     * class, the leaf when it is a class; by method, the leaf-most method (the allocation site).
     */
    private static void self(Leaves leaves, StackTree tree, long[] below, int node, int parent,
                             AllocationSites.By by, long[] self, Map<Integer, Integer> siteOfClassNode) {
        long own = below[node] - tree.childTotal(node, below);
        int frame = node == CallTree.ROOT ? -1 : tree.frame(node);
        boolean isClass = frame >= 0 && leaves.what(frame);
        int selfFrame = frame;
        if (by == AllocationSites.By.CLASS && !isClass) {
            selfFrame = -1;
        } else if (by == AllocationSites.By.METHOD && isClass) {
            boolean parentIsClass = parent > 0 && leaves.what(tree.frame(parent));
            selfFrame = parent <= 0 ? -1 : parentIsClass ? siteOfClassNode.getOrDefault(parent, -1) : tree.frame(parent);
            if (selfFrame >= 0 && tree.childStart(node) < tree.childEnd(node)) {
                siteOfClassNode.put(node, selfFrame);
            }
        }
        if (own != 0 && selfFrame >= 0) {
            self[leaves.frames().nameId(selfFrame)] += own;
        }
    }

    private static List<Method> sorted(FrameTable frames, long[] self, long[] total) {
        List<Method> methods = new ArrayList<>();
        for (int n = 0; n < total.length; n++) {
            if (total[n] != 0) {
                methods.add(new Method(n, frames.nameOf(n), self[n], total[n]));
            }
        }
        methods.sort(Comparator.comparingLong(Method::total).reversed().thenComparing(Method::name));
        return methods;
    }

    /** The {@code limit} methods with the highest self weight. */
    public static List<Method> topBySelf(List<Method> methods, int limit) {
        List<Method> sorted = new ArrayList<>(methods);
        sorted.sort(Comparator.comparingLong(Method::self).reversed().thenComparing(Method::name));
        return sorted.subList(0, Math.min(limit, sorted.size()));
    }
}
