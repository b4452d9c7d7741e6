package dev.firesight.app.cli;

import dev.firesight.app.format.Units;
import dev.firesight.parser.JvmSeries;
import dev.firesight.parser.Profile;
import dev.firesight.parser.TimeSeries;
import dev.firesight.parser.query.ClassGrowth;
import dev.firesight.parser.query.LeakSuspects;
import dev.firesight.parser.query.MemoryBudget;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The summary's memory budget: the limits the JVM runs into, the peak of each kind of memory it uses,
 * and whether the live heap and the resident set grow, with the time to their limit at that rate.
 */
final class MemorySummary {
    /** Every use the budget has, and the thread count, which is not bytes but grows with leaked threads. */
    private static final List<TimeSeries.Kind> USE = java.util.stream.Stream.concat(MemoryBudget.USES.stream(),
            java.util.stream.Stream.of(TimeSeries.Kind.THREADS)).toList();

    /** How many leak suspects the summary lists. */
    private static final int SUSPECTS = 5;

    private MemorySummary() {
    }

    static void print(Profile profile, PrintStream out) {
        out.println();
        out.println("Memory");
        // Each JVM against its own limits: replicas read as one recording do not share a heap.
        boolean several = profile.jvms().size() > 1;
        boolean any = false;
        for (JvmSeries jvm : profile.jvms()) {
            if (several) {
                out.println("  " + jvm.name());
            }
            any |= printBudget(jvm, several ? "    " : "  ", out);
        }
        if (!any) {
            return; // each JVM said why it has nothing
        }
        printClassGrowth(profile, out);
        printSuspects(profile, out);
    }

    /** One JVM's limits, uses and trends, each line after {@code indent}; false when it has none of them. */
    private static boolean printBudget(JvmSeries jvm, String indent, PrintStream out) {
        MemoryBudget budget = MemoryBudget.of(jvm);
        StringJoiner limits = new StringJoiner(", ");
        for (TimeSeries s : budget.limits()) {
            limits.add(s.kind().title() + " " + Units.bytes(s.value(s.size() - 1)));
        }
        boolean any = limits.length() > 0;
        if (any) {
            out.println(indent + "Limits  " + limits);
        }
        for (TimeSeries.Kind kind : USE) {
            TimeSeries s = jvm.get(kind);
            if (s == null) {
                continue;
            }
            any = true;
            String peak = kind == TimeSeries.Kind.THREADS ? String.format(Locale.ROOT, "%,.0f", s.max())
                    : Units.bytes(s.max());
            out.printf(Locale.ROOT, "%s%-30s peak %s, last %s (%d reading%s)%n", indent, kind.title(), peak,
                    kind == TimeSeries.Kind.THREADS ? String.format(Locale.ROOT, "%,.0f", s.value(s.size() - 1))
                            : Units.bytes(s.value(s.size() - 1)), s.size(), s.size() == 1 ? "" : "s");
        }
        if (!any) {
            out.println(indent + MemoryBudget.ABSENT);
            return false;
        }
        budget.trends().forEach(trend -> out.println(indent + trend.sentence()));
        return true;
    }

    private static void printClassGrowth(Profile profile, PrintStream out) {
        if (!profile.hasLiveBytesByClass()) {
            return;
        }
        List<ClassGrowth.Growth> growth = ClassGrowth.of(profile);
        out.println();
        out.printf(Locale.ROOT, "Live set by class  from jdk.ObjectCountAfterGC, %,d classes counted%n",
                profile.jvms().stream().flatMap(j -> j.liveBytesByClass().keySet().stream()).distinct().count());
        if (growth.isEmpty()) {
            out.println("  (no class grows)");
        }
        growth.stream().limit(SUSPECTS).forEach(g -> out.println("  " + g.sentence()));
    }

    private static void printSuspects(Profile profile, PrintStream out) {
        out.println();
        if (profile.oldObjects().isEmpty()) {
            out.println("Leak suspects  none: " + LeakSuspects.noSamples(profile) + ".");
            return;
        }
        out.println("Leak suspects  " + LeakSuspects.basis(profile));
        List<LeakSuspects.Suspect> listed = LeakSuspects.listed(profile);
        listed.stream().limit(SUSPECTS).forEach(s -> out.println("  " + s.reason()));
        if (listed.isEmpty()) {
            out.println("  (none: " + LeakSuspects.NONE_LISTED + ")");
        }
    }
}
