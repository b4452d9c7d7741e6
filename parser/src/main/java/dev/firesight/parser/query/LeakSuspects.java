package dev.firesight.parser.query;

import dev.firesight.parser.OldObjectSample;
import dev.firesight.parser.Profile;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.Wording;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The objects that stay alive, grouped by where they were allocated and what they are, most numerous first:
 * a sampled object that survives to the end of a recording is a leak candidate, and many of one kind from one
 * place are a suspect. Each suspect says in one sentence how many, how old, and who holds them.
 */
public final class LeakSuspects {
    /**
     * Why there are no suspects when the recording has no old-object samples, in the CLI and the window alike. An
     * async-profiler recording never has them; made with the memory-leak preset it has live objects instead, and
     * telling its user to record with that preset sent them round in a circle.
     */
    public static String noSamples(Profile profile) {
        return profile.has(ViewKind.LIVE)
                ? "the recording has no old-object samples (async-profiler does not write them); its Live objects view"
                        + " shows what was still alive at the end, by where it was allocated"
                : "the recording has no old-object samples (JFR's jdk.OldObjectSample, on in the 'profile' settings, or"
                        + " `firesight record --preset memory-leak --engine jfr`; add path-to-gc-roots=true to see who"
                        + " holds each object)";
    }
    private LeakSuspects() {
    }

    /**
     * One allocation site and class.
     *
     * @param stack      one of the group's allocation stacks (class leaf), or -1
     * @param site       where they were allocated, as a user names it (see {@link #site}), or null without a stack
     * @param className  what was allocated
     * @param count      sampled objects still alive
     * @param sizeBytes  their summed size where the recording gives sizes (JDK 21+), else -1
     * @param oldestNanos the age of the oldest
     * @param lastSeenNanos when the last of them was sampled (epoch nanoseconds)
     * @param holders    the most common chain of holders, from the GC root down to the object; empty if unknown
     * @param root       that chain's GC root, or null
     * @param sharing    how many of the objects share that chain
     * @param reason     the sentence
     * @param unheld     the sentence without who holds them, for where the chain of holders is drawn beside it
     * @param source     the JVM whose objects they are, of a recording of several; -1 for a recording of one
     */
    public record Suspect(int stack, String site, String className, int count, long sizeBytes, long oldestNanos,
                          long lastSeenNanos, List<String> holders, String root, int sharing, String reason,
                          String unheld, int source) {
    }

    /** Why none are listed when the recording has old-object samples, in the CLI and the window alike. */
    public static final String NONE_LISTED = "no site left more than one sampled object alive";

    /**
     * The suspects a user is shown: sites that left more than one sampled object alive. One object of a kind still
     * alive at the end (a JDK list built at start-up, a buffer in use) says little, and listed beside the leak it
     * read as noise.
     */
    public static List<Suspect> listed(Profile profile) {
        return of(profile).stream().filter(s -> s.count() > 1).toList();
    }

    /** True when the recording searched for who holds its sampled objects (paths to GC roots). */
    public static boolean hasPaths(Profile profile) {
        return profile.oldObjects().stream().anyMatch(s -> !s.referrers().isEmpty());
    }

    /**
     * What the suspects are drawn from, in the CLI and the window alike: how many sampled objects were still
     * alive, and, when the recording has no paths to GC roots, how to get them; null without old-object samples.
     */
    public static String basis(Profile profile) {
        if (profile.oldObjects().isEmpty()) {
            return null;
        }
        return String.format(Locale.ROOT, "from %,d objects JFR sampled and found still alive%s",
                profile.oldObjects().size(), hasPaths(profile) ? ""
                        : " (without paths to GC roots: record with path-to-gc-roots=true to see who holds them)");
    }

    /**
     * The suspects, most objects first (then oldest first). Of a recording of several JVMs (a folder of replicas),
     * each JVM's objects are its own suspects, with its own class growth: one JVM's leak is not another's.
     */
    public static List<Suspect> of(Profile profile) {
        // The Leak suspects list and the findings both ask, on the two workers at once: once.
        SoftCache<List<Suspect>> cache = profile.derived("leak-suspects", SoftCache::new);
        return cache.get(() -> compute(profile));
    }

    private static List<Suspect> compute(Profile profile) {
        boolean several = profile.jvms().size() > 1;
        Map<String, MemoryTrend> growth = new HashMap<>();
        for (ClassGrowth.Growth g : ClassGrowth.of(profile)) {
            growth.putIfAbsent(g.source() + "\u0000" + g.className(), g.trend());
        }
        Map<String, List<OldObjectSample>> groups = new LinkedHashMap<>();
        for (OldObjectSample s : profile.oldObjects()) {
            // by allocating method and class, as a user names a site: one method reached from several
            // callers, or compiled differently over time, is still one site
            groups.computeIfAbsent((several ? s.source() : -1) + "\u0000" + site(profile, s.stack()) + "\u0000"
                    + s.className(), k -> new ArrayList<>()).add(s);
        }
        // A class's growth is said once, with its largest group: a new object of the same class allocated
        // elsewhere is not a suspect of that growth (the leak recording listed "1 byte[] object … oldest 0 s …
        // grows 282 MiB/min" beside the 71 objects that did grow).
        List<List<OldObjectSample>> largestFirst = new ArrayList<>(groups.values());
        largestFirst.sort(Comparator.comparingInt((List<OldObjectSample> g) -> g.size()).reversed());
        java.util.Set<String> told = new java.util.HashSet<>();
        List<Suspect> suspects = new ArrayList<>();
        for (List<OldObjectSample> group : largestFirst) {
            int source = several ? group.get(0).source() : -1;
            String jvmClass = source + "\u0000" + group.get(0).className();
            suspects.add(suspect(profile, group, source, told.add(jvmClass) ? growth.get(jvmClass) : null));
        }
        suspects.sort(Comparator.comparingInt(Suspect::count).reversed()
                .thenComparing(Comparator.comparingLong(Suspect::oldestNanos).reversed()));
        return List.copyOf(suspects);
    }

    /**
     * @param source the group's JVM, -1 for a recording of one
     * @param growth how the live bytes of the group's class grow, or null when they do not (or are not known)
     */
    private static Suspect suspect(Profile profile, List<OldObjectSample> group, int source, MemoryTrend growth) {
        OldObjectSample first = group.get(0);
        long size = 0;
        long oldest = 0;
        long lastSeen = Long.MIN_VALUE;
        Map<List<String>, Integer> chains = new HashMap<>();
        Map<List<String>, String> roots = new HashMap<>();
        for (OldObjectSample s : group) {
            size = size < 0 || s.sizeBytes() < 0 ? -1 : size + s.sizeBytes();
            oldest = Math.max(oldest, s.ageNanos());
            lastSeen = Math.max(lastSeen, s.timeNanos());
            if (!s.referrers().isEmpty()) {
                List<String> path = s.referrers().stream().map(LeakSuspects::anyIndex).toList();
                chains.merge(path, 1, Integer::sum);
                roots.putIfAbsent(path, s.root());
            }
        }
        List<String> chain = chains.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(List.of());
        List<String> holders = new ArrayList<>(chain);
        java.util.Collections.reverse(holders);
        String site = site(profile, first.stack());
        String allocator = allocator(profile, first.stack());
        int sharing = chains.getOrDefault(chain, 0);
        StringBuilder what = new StringBuilder();
        what.append(String.format(Locale.ROOT, "%,d %s object%s", group.size(), first.className(),
                group.size() == 1 ? "" : "s"));
        if (size >= 0) {
            what.append(" (").append(Wording.bytes(size)).append(')');
        }
        what.append(site == null ? " allocated where no stack was recorded" : " allocated in " + site);
        if (allocator != null && !allocator.equals(site)) {
            what.append(" (through ").append(allocator).append(')');
        }
        what.append(", oldest ").append(Wording.span(oldest)).append(", still alive");
        StringBuilder reason = new StringBuilder(what);
        if (!holders.isEmpty()) {
            reason.append(", held by ").append(String.join(" \u2192 ", holders));
            if (roots.get(chain) != null) {
                reason.append(" (root: ").append(roots.get(chain)).append(')');
            }
            if (sharing < group.size()) {
                reason.append(String.format(Locale.ROOT, "; %d of %d share this path", sharing, group.size()));
            }
        }
        for (StringBuilder sentence : List.of(what, reason)) {
            if (growth != null) {
                sentence.append("; the live ").append(first.className()).append(" on the heap ")
                        .append(growth.growthText());
            }
            sentence.append('.');
        }
        return new Suspect(first.stack(), site, first.className(), group.size(), size, oldest, lastSeen,
                List.copyOf(holders), roots.get(chain), sharing,
                source < 0 ? reason.toString() : profile.aboutJvm(source, reason.toString()),
                source < 0 ? what.toString() : profile.aboutJvm(source, what.toString()), source);
    }

    /** An array slot as any slot ({@code Object[][…]}), so paths through different slots merge. */
    private static String anyIndex(String step) {
        return step.replaceFirst("\\[\\d+]$", "[\u2026]");
    }

    /**
     * Where the objects were allocated, as a user names it: the frame nearest the allocation that is not the JDK's
     * or a language runtime's ({@link Transform#LIBRARY_PREFIXES}), else the allocating method. A list that grows
     * without end allocates its arrays in {@code java.util.Arrays.copyOf}, which names no leak; the method that
     * keeps adding to it does.
     */
    private static String site(Profile profile, int stack) {
        if (stack < 0) {
            return null;
        }
        int[] frames = profile.stacks().frames(stack); // frame(stack, i) walks up from the leaf each time
        for (int i = frames.length - 2; i >= 0; i--) {
            String name = profile.frames().name(frames[i]);
            if (!Transform.isLibrary(name)) {
                return name;
            }
        }
        return allocator(profile, stack);
    }

    /** The method that allocated: the frame above the class leaf, or null. */
    private static String allocator(Profile profile, int stack) {
        if (stack < 0) {
            return null;
        }
        int length = profile.stacks().depth(stack);
        return length < 2 ? null : profile.frames().name(profile.stacks().frame(stack, length - 2));
    }
}
