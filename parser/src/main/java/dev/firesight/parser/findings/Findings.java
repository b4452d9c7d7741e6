package dev.firesight.parser.findings;

import dev.firesight.parser.FrameKind;
import dev.firesight.parser.JvmSeries;
import dev.firesight.parser.Profile;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.TimeSeries;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.Wording;
import dev.firesight.parser.query.AllocationSites;
import dev.firesight.parser.query.ClassGrowth;
import dev.firesight.parser.query.LeakSuspects;
import dev.firesight.parser.query.MemoryTrend;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.Spikes;
import dev.firesight.parser.query.StackWeights;
import dev.firesight.parser.query.Transform;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a recording shows about memory pressure and its costs, as findings: one sentence each, with numbers,
 * and the view that shows it. The rules are about allocation-driven pressure (who allocates, boxing, string
 * building, collection growth, exceptions), what it costs (GC pauses and the allocation before them), what
 * stays (heap growth, leak suspects, native memory never freed) and lock contention. Thresholds are in {@link Thresholds}.
 */
public final class Findings {
    /** What to say when no rule fires, in the CLI and the window alike. */
    public static final String NONE_FIRED = "no rule about allocation, GC, memory, exceptions or locks fired";

    /** Every rule's id, as a finding and {@code check}'s {@code no-finding RULE} name it. */
    public static final List<String> RULES = List.of("dominant-site", "boxing", "strings", "resizing", "outside-tlab",
            "exceptions", "gc-overhead", "allocation-before-pause", "heap-growth", "leak-suspect", "lock-contention",
            "native-leak");

    static final String BOXING = "java\\.lang\\.(Integer|Long|Short|Byte|Character|Float|Double|Boolean)\\.valueOf";
    static final String STRINGS = "java\\.lang\\.AbstractStringBuilder\\.(ensureCapacityInternal|newCapacity|inflate)"
            + "|java\\.lang\\.String\\.format|java\\.util\\.Formatter\\.format";
    /** Where pool threads wait for work: parked there they are idle, not contended. */
    static final String IDLE_WAIT = "java\\.util\\.concurrent\\.ThreadPoolExecutor\\.getTask"
            + "|java\\.util\\.concurrent\\.ForkJoinPool\\.awaitWork"
            + "|java\\.util\\.concurrent\\.ScheduledThreadPoolExecutor\\$DelayedWorkQueue\\.take";
    static final String RESIZING = "java\\.util\\.ArrayList\\.grow|java\\.util\\.HashMap\\.resize"
            + "|java\\.util\\.ArrayDeque\\.grow|java\\.util\\.concurrent\\.ConcurrentHashMap\\.(transfer|tryPresize)";

    private Findings() {
    }

    /**
     * What the recording lacks for the rule to look at anything, as "no lock samples", or null when it has what
     * the rule reads: {@code check}'s "no-finding lock-contention" on a recording without lock events would pass
     * for ever.
     */
    public static String lacks(Profile profile, String rule) {
        switch (rule) {
            case "dominant-site", "boxing", "strings", "resizing":
                return profile.has(ViewKind.ALLOC) ? null : "no allocation samples";
            case "outside-tlab":
                return profile.has(ViewKind.ALLOC_OUTSIDE_TLAB) ? null : "no allocations outside TLABs";
            case "allocation-before-pause":
                return !profile.has(ViewKind.ALLOC) ? "no allocation samples"
                        : profile.series().containsKey(TimeSeries.Kind.GC_PAUSE) ? null : "no GC pauses";
            case "gc-overhead":
                return profile.series().containsKey(TimeSeries.Kind.GC_PAUSE) ? null : "no GC pauses";
            case "exceptions":
                return profile.jvms().stream().anyMatch(j -> j.get(TimeSeries.Kind.THROWABLES) != null) ? null
                        : "no count of throwables (jdk.ExceptionStatistics)";
            case "heap-growth":
                return profile.jvms().stream().anyMatch(j -> j.get(TimeSeries.Kind.HEAP_AFTER_GC) != null) ? null
                        : "no heap readings after GC";
            case "leak-suspect":
                return profile.oldObjects().isEmpty() ? "no old object samples" : null;
            case "lock-contention":
                return profile.has(ViewKind.LOCK) ? null : "no lock samples";
            case "native-leak":
                return profile.has(ViewKind.NATIVE_LEAK) ? null : "no native allocations never freed (nativemem)";
            default:
                throw new IllegalArgumentException("no finding rule '" + rule + "'");
        }
    }

    /** The findings, largest share first. */
    public static List<Finding> of(Profile profile, Thresholds t) {
        List<Finding> findings = new ArrayList<>();
        // Over recorded time: the part of the recording loaded, less a folder's gaps between files.
        double seconds = Math.max(1e-9, profile.recordedNanos() / 1e9);
        if (profile.has(ViewKind.ALLOC)) {
            allocation(profile, t, seconds, findings);
        }
        exceptions(profile, t, seconds, findings);
        gc(profile, t, seconds, findings);
        memory(profile, t, findings);
        if (profile.has(ViewKind.LOCK)) {
            lock(profile, t, seconds, findings);
        }
        if (profile.has(ViewKind.NATIVE_LEAK)) {
            nativeLeak(profile, t, seconds, findings);
        }
        findings.sort(Comparator.comparingDouble(Finding::share).reversed());
        if (!profile.isPart()) {
            return findings;
        }
        // Of a part, a finding about all of its time opens that part, not the whole recording.
        return findings.stream().map(f -> f.evidence().fromNanos() != Long.MIN_VALUE ? f : new Finding(f.rule(),
                f.title(), f.sentence(), f.share(), f.evidence().range(profile.time().fromNanos(),
                profile.time().toNanos()))).toList();
    }

    private static void allocation(Profile profile, Thresholds t, double seconds, List<Finding> findings) {
        StackWeights weights = StackWeights.compute(profile, ProfileQuery.of(ViewKind.ALLOC), () -> false);
        long total = weights.total();
        if (total / seconds < t.minAllocationRate()) {
            return; // too little allocation for churn to matter
        }
        AllocationSites sites = AllocationSites.of(profile);
        List<AllocationSites.Site> top = sites.top(ViewKind.ALLOC, AllocationSites.By.METHOD, Long.MIN_VALUE,
                Long.MAX_VALUE, 1);
        if (!top.isEmpty() && top.get(0).weight() >= t.dominantSite() * total) {
            AllocationSites.Site site = top.get(0);
            AllocationSites.Site cls = topClassOf(profile, sites, weights, site.nameId());
            findings.add(new Finding("dominant-site", "Dominant allocation site", String.format(Locale.ROOT,
                    "%s allocates %s of all bytes (%s, %s/s)%s.", site.name(), percent(site.weight(), total),
                    Wording.bytes(site.weight()), Wording.bytes(site.weight() / seconds),
                    cls == null ? "" : ", mostly " + cls.name() + " (" + percent(cls.weight(), site.weight()) + ")"),
                    site.weight() / (double) total, Finding.Evidence.of(ViewKind.ALLOC).focus(site.name())));
        }
        churn(profile, weights, total, seconds, "boxing", "Boxing churn", BOXING, t.boxing(),
                "boxing primitives (%s)", "use primitive fields, arrays or primitive collections", findings);
        churn(profile, weights, total, seconds, "strings", "String building and formatting churn", STRINGS,
                t.strings(), "growing string builders and formatting (%s)",
                "size builders up front, and format only what is logged", findings);
        churn(profile, weights, total, seconds, "resizing", "Collection resizing", RESIZING, t.resizing(),
                "growing collections (%s)", "give collections their expected size when they are made", findings);
        outsideTlab(profile, sites, total, seconds, t, findings);
    }

    /**
     * Objects too large for a thread-local allocation buffer: each takes the slow path, and under G1 one of
     * half a region or more is humongous, placed straight in the old generation, where only a full or mixed
     * collection frees it.
     */
    private static void outsideTlab(Profile profile, AllocationSites sites, long total, double seconds, Thresholds t,
                                    List<Finding> findings) {
        if (!profile.has(ViewKind.ALLOC_OUTSIDE_TLAB)) {
            return;
        }
        long outside = total(profile, ViewKind.ALLOC_OUTSIDE_TLAB);
        if (outside < t.outsideTlab() * total) {
            return;
        }
        List<AllocationSites.Site> site = sites.top(ViewKind.ALLOC_OUTSIDE_TLAB, AllocationSites.By.METHOD,
                Long.MIN_VALUE, Long.MAX_VALUE, 1);
        List<AllocationSites.Site> cls = sites.top(ViewKind.ALLOC_OUTSIDE_TLAB, AllocationSites.By.CLASS,
                Long.MIN_VALUE, Long.MAX_VALUE, 1);
        String where = site.isEmpty() ? "" : String.format(Locale.ROOT, ", most in %s (%s)%s", site.get(0).name(),
                percent(site.get(0).weight(), outside), cls.isEmpty() ? "" : ", mostly " + cls.get(0).name());
        Finding.Evidence evidence = Finding.Evidence.of(ViewKind.ALLOC_OUTSIDE_TLAB);
        findings.add(new Finding("outside-tlab", "Large allocations outside TLABs", String.format(Locale.ROOT,
                "Objects too large for a thread-local buffer make %s of the allocation view's bytes (%s/s)%s; each"
                        + " takes the slow path, and under G1 those of half a region or more are humongous, placed"
                        + " straight in the old generation; reuse or pool large buffers, or raise the G1 region size.",
                percent(outside, total), Wording.bytes(outside / seconds), where), outside / (double) total,
                site.isEmpty() ? evidence : evidence.focus(site.get(0).name())));
    }

    private static void churn(Profile profile, StackWeights weights, long total, double seconds, String rule,
                              String title, String regex, double threshold, String what, String advice,
                              List<Finding> findings) {
        Pattern pattern = Pattern.compile(regex);
        Matched matched = under(profile, weights, pattern);
        if (matched.weight() < threshold * total) {
            return;
        }
        findings.add(new Finding(rule, title, String.format(Locale.ROOT, "%s allocates %s of all bytes (%s/s); %s.",
                capitalize(String.format(Locale.ROOT, what, matched.topFrame())), percent(matched.weight(), total),
                Wording.bytes(matched.weight() / seconds), advice), matched.weight() / (double) total,
                Finding.Evidence.of(ViewKind.ALLOC).search(regex)));
    }

    private static void exceptions(Profile profile, Thresholds t, double seconds, List<Finding> findings) {
        // Each JVM counts the throwables it made since it started: the rate of all is the sum of each one's.
        double created = 0;
        double rate = 0;
        double span = 0;
        for (JvmSeries jvm : profile.jvms()) {
            TimeSeries thrown = jvm.get(TimeSeries.Kind.THROWABLES);
            if (thrown == null || thrown.size() < 2) {
                continue;
            }
            double made = thrown.value(thrown.size() - 1) - thrown.value(0);
            double counted = Math.max(1e-9, (thrown.timeNanos(thrown.size() - 1) - thrown.timeNanos(0)) / 1e9);
            created += made;
            rate += made / counted;
            span = Math.max(span, counted);
        }
        if (span == 0) {
            return;
        }
        if (rate < t.exceptionsPerSecond()) {
            return;
        }
        findings.add(new Finding("exceptions", "Exceptions at a high rate", String.format(Locale.ROOT,
                "%,.0f throwables are created per second (%,.0f in %.0f s); each one fills in a stack trace, so"
                        + " exceptions used for control flow cost CPU and allocation.", rate, created, span),
                Math.min(1, rate / (10 * t.exceptionsPerSecond())),
                Finding.Evidence.of(ViewKind.CPU).search("java\\.lang\\.Throwable\\.fillInStackTrace.*")));
    }

    private static void gc(Profile profile, Thresholds t, double seconds, List<Finding> findings) {
        TimeSeries pauses = profile.series().get(TimeSeries.Kind.GC_PAUSE);
        if (pauses == null || pauses.size() == 0) {
            return;
        }
        double paused = 0;
        for (int i = 0; i < pauses.size(); i++) {
            paused += pauses.value(i);
        }
        double share = paused / 1e9 / seconds;
        if (share >= t.gcOverhead()) {
            findings.add(new Finding("gc-overhead", "GC overhead", String.format(Locale.ROOT,
                    "GC pauses take %s of the time (%,d pauses, %s in all, the longest %s).", percent(share),
                    pauses.size(), Wording.shortTime(paused), Wording.shortTime(pauses.max())), share,
                    Finding.Evidence.of(ViewKind.ALLOC).series(TimeSeries.Kind.GC_PAUSE)));
        }
        if (pauses.max() < t.longPauseNanos() || !profile.has(ViewKind.ALLOC)) {
            return;
        }
        List<Spikes.Pause> longest = Spikes.find(profile).longPauses();
        if (longest.isEmpty() || longest.get(0).topMethodsBefore().isEmpty()) {
            return;
        }
        Spikes.Pause pause = longest.get(0);
        AllocationSites.Site top = pause.topMethodsBefore().get(0);
        long start = profile.info().startNanos();
        // The pause and what came before it are one JVM's.
        findings.add(ofJvm(profile, pause.source(), "allocation-before-pause", "Allocation burst before a long GC pause",
                String.format(Locale.ROOT, "A %s GC pause at +%.1f s came after %s allocated %s in the %.1f s before it.",
                        Wording.shortTime(pause.durationNanos()), (pause.timeNanos() - start) / 1e9, top.name(),
                        Wording.bytes(top.weight()), (pause.timeNanos() - pause.lookbackFromNanos()) / 1e9),
                Math.min(1, pause.durationNanos() / 1e9 / seconds * 10),
                Finding.Evidence.of(ViewKind.ALLOC).range(pause.lookbackFromNanos(), pause.timeNanos()).focus(top.name())
                        .series(TimeSeries.Kind.GC_PAUSE)));
    }

    /** A view's total weight in the profile's time (a part's: see Profile.within). */
    private static long total(Profile profile, ViewKind view) {
        return profile.isPart() ? StackWeights.compute(profile, ProfileQuery.of(view), () -> false).total()
                : profile.samples(view).totalWeight();
    }

    /**
     * A finding about one JVM of the profile: of several (replicas read as one recording), its sentence names the
     * JVM and opening it shows that JVM's threads.
     */
    private static Finding ofJvm(Profile profile, int jvm, String rule, String title, String sentence, double share,
                                 Finding.Evidence evidence) {
        boolean several = profile.jvms().size() > 1;
        return new Finding(rule, title, profile.aboutJvm(jvm, sentence), share, several ? evidence.source(jvm) : evidence);
    }

    private static void memory(Profile profile, Thresholds t, List<Finding> findings) {
        // Each JVM's heap on its own: replicas read as one recording each have their own heap and limit.
        boolean several = profile.jvms().size() > 1;
        List<ClassGrowth.Growth> classes = ClassGrowth.of(profile);
        List<LeakSuspects.Suspect> suspects = LeakSuspects.of(profile);
        for (int i = 0; i < profile.jvms().size(); i++) {
            JvmSeries jvm = profile.jvms().get(i);
            int source = several ? i : -1;
            MemoryTrend heap = MemoryTrend.liveHeap(jvm);
            boolean growing = classes.stream().anyMatch(g -> g.source() == source);
            if (heap != null && heap.growing()) {
                growing = true;
                findings.add(ofJvm(profile, i, "heap-growth", "Heap growth", heap.sentence(), 0.9,
                        Finding.Evidence.of(profile.has(ViewKind.LIVE) ? ViewKind.LIVE : ViewKind.ALLOC)
                                .series(TimeSeries.Kind.HEAP_AFTER_GC)));
            }
            // Objects alive at the end are a leak only where that JVM's memory grows: else they are its working set.
            LeakSuspects.Suspect top = suspects.stream().filter(s -> s.source() == source).findFirst().orElse(null);
            if (growing && top != null && top.count() >= t.leakObjects()) {
                Finding.Evidence evidence = Finding.Evidence.of(ViewKind.ALLOC).focus(top.site());
                findings.add(new Finding("leak-suspect", "Leak suspect", top.reason(), 0.85,
                        several ? evidence.source(i) : evidence)); // the reason names the JVM already
            }
        }
    }

    private static void lock(Profile profile, Thresholds t, double seconds, List<Finding> findings) {
        // Pool threads parked until work comes are idle, not contended: a pool of 20 mostly idle workers would
        // otherwise read as "0.5 threads blocked on a SynchronousQueue" in any service.
        StackWeights weights = StackWeights.compute(profile, ProfileQuery.of(ViewKind.LOCK), () -> false);
        BitSet idle = namesMatching(profile, Pattern.compile(IDLE_WAIT));
        AllocationSites sites = AllocationSites.of(profile);
        long[] byClass = new long[profile.frames().nameCount()];
        long total = 0;
        long idleTotal = 0;
        for (int i = 0; i < weights.size(); i++) {
            int stack = weights.stack(i);
            if (passesThrough(profile, stack, idle)) {
                idleTotal += weights.weight(i);
            } else {
                total += weights.weight(i);
                int cls = sites.allocatedClass(stack);
                if (cls != AllocationSites.NONE) {
                    byClass[cls] += weights.weight(i);
                }
            }
        }
        double threads = total / 1e9 / seconds;
        if (threads < t.lockedThreads()) {
            return;
        }
        int top = heaviest(byClass);
        if (top < 0 || byClass[top] < t.dominantMonitor() * total) {
            return;
        }
        AllocationSites.Site monitor = new AllocationSites.Site(top, profile.frames().nameOf(top), byClass[top]);
        findings.add(new Finding("lock-contention", "Lock contention on one monitor", String.format(Locale.ROOT,
                "Threads waiting for %s account for %s of all blocked time (%s in %.0f s: %.1f threads blocked"
                        + " on average%s).", monitor.name(), percent(monitor.weight(), total),
                Wording.shortTime(monitor.weight()), seconds, monitor.weight() / 1e9 / seconds,
                idleTotal > 0 ? "; pool threads waiting for work, " + Wording.shortTime(idleTotal) + ", are left out"
                        : ""),
                Math.min(1, threads / 4), Finding.Evidence.of(ViewKind.LOCK).focus(monitor.name())));
    }

    /**
     * Native memory allocated and still not freed when the recording ended (async-profiler's nativemem): memory
     * outside the heap that counts against a container's limit, where no heap chart shows it.
     */
    private static void nativeLeak(Profile profile, Thresholds t, double seconds, List<Finding> findings) {
        StackWeights weights = StackWeights.compute(profile, ProfileQuery.of(ViewKind.NATIVE_LEAK), () -> false);
        long leaked = weights.total();
        if (leaked / seconds < t.nativeLeakRate()) {
            return;
        }
        long[] bySite = new long[profile.frames().nameCount()];
        for (int i = 0; i < weights.size(); i++) {
            int site = nativeSite(profile, weights.stack(i));
            if (site >= 0) {
                bySite[site] += weights.weight(i);
            }
        }
        int top = heaviest(bySite);
        long allocated = profile.has(ViewKind.NATIVE_ALLOC) ? total(profile, ViewKind.NATIVE_ALLOC) : 0;
        String site = top < 0 ? null : profile.frames().nameOf(top);
        Finding.Evidence evidence = Finding.Evidence.of(ViewKind.NATIVE_LEAK);
        findings.add(new Finding("native-leak", "Native memory not freed", String.format(Locale.ROOT,
                "%s of native memory (%s/s%s) was allocated and not freed by the recording's end%s; it is outside"
                        + " the heap, so no heap chart shows it, yet it counts against the container's memory limit.",
                Wording.bytes(leaked), Wording.bytes(leaked / seconds), allocated > 0 ? ", " + percent(leaked, allocated)
                        + " of the " + Wording.bytes(allocated) + " allocated natively" : "",
                site == null ? "" : ", most in " + site + " (" + percent(bySite[top], leaked) + ")"),
                0.8, site == null ? evidence : evidence.focus(site)));
    }

    /**
     * Where a native allocation was made, as a user names it: the Java frame nearest the allocation that is the
     * program's own code (the JDK's Unsafe and ByteBuffer methods, and the C allocator, are how, not where), else
     * the nearest Java frame; -1 when the stack has none.
     */
    private static int nativeSite(Profile profile, int stack) {
        StackTable stacks = profile.stacks();
        int java = -1;
        for (int node = stacks.node(stack); node != StackTable.ROOT; node = stacks.parent(node)) {
            int frame = stacks.nodeFrame(node);
            FrameKind kind = profile.frames().kind(frame);
            if (kind == FrameKind.INTERPRETED || kind == FrameKind.JIT || kind == FrameKind.C1
                    || kind == FrameKind.INLINED) {
                int name = profile.frames().nameId(frame);
                if (!Transform.isLibrary(profile.frames().nameOf(name))) {
                    return name;
                }
                java = java < 0 ? name : java;
            }
        }
        return java;
    }

    /** The weight of the stacks that pass through a frame matching the pattern, and the heaviest such frame. */
    private record Matched(long weight, String topFrame) {
    }

    /** The name ids of the frames whose whole name matches {@code pattern}. */
    private static BitSet namesMatching(Profile profile, Pattern pattern) {
        int names = profile.frames().nameCount();
        BitSet matching = new BitSet(names);
        for (int n = 0; n < names; n++) {
            if (pattern.matcher(profile.frames().nameOf(n)).matches()) {
                matching.set(n);
            }
        }
        return matching;
    }

    /** True when a frame of {@code stack} has one of the {@code names}. */
    private static boolean passesThrough(Profile profile, int stack, BitSet names) {
        StackTable stacks = profile.stacks();
        for (int node = stacks.node(stack); node != StackTable.ROOT; node = stacks.parent(node)) {
            if (names.get(profile.frames().nameId(stacks.nodeFrame(node)))) {
                return true;
            }
        }
        return false;
    }

    /** The index of the largest positive value, or -1. */
    private static int heaviest(long[] values) {
        int top = -1;
        for (int n = 0; n < values.length; n++) {
            if (values[n] > 0 && (top < 0 || values[n] > values[top])) {
                top = n;
            }
        }
        return top;
    }

    private static Matched under(Profile profile, StackWeights weights, Pattern pattern) {
        int names = profile.frames().nameCount();
        BitSet matching = namesMatching(profile, pattern);
        long[] byName = new long[names];
        long sum = 0;
        for (int i = 0; i < weights.size(); i++) {
            int stack = weights.stack(i);
            int hit = -1;
            StackTable stacks = profile.stacks();
            for (int node = stacks.node(stack); node != StackTable.ROOT; node = stacks.parent(node)) {
                int name = profile.frames().nameId(stacks.nodeFrame(node));
                if (matching.get(name)) {
                    hit = name;
                    break; // the frame nearest the leaf names where it happens
                }
            }
            if (hit >= 0) {
                sum += weights.weight(i);
                byName[hit] += weights.weight(i);
            }
        }
        int top = -1;
        for (int n = 0; n < names; n++) {
            if (byName[n] > 0 && (top < 0 || byName[n] > byName[top])) {
                top = n;
            }
        }
        return new Matched(sum, top < 0 ? null : profile.frames().nameOf(top));
    }

    private static AllocationSites.Site topClassOf(Profile profile, AllocationSites sites, StackWeights weights,
                                                   int site) {
        long[] byClass = new long[profile.frames().nameCount()];
        for (int i = 0; i < weights.size(); i++) {
            int stack = weights.stack(i);
            if (sites.site(stack) == site && sites.allocatedClass(stack) != AllocationSites.NONE) {
                byClass[sites.allocatedClass(stack)] += weights.weight(i);
            }
        }
        int top = -1;
        for (int n = 0; n < byClass.length; n++) {
            if (byClass[n] > 0 && (top < 0 || byClass[n] > byClass[top])) {
                top = n;
            }
        }
        return top < 0 ? null : new AllocationSites.Site(top, profile.frames().nameOf(top), byClass[top]);
    }

    private static String percent(double part, double whole) {
        return percent(whole == 0 ? 0 : part / whole);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
