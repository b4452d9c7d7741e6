package dev.firesight.parser.robust;

import dev.firesight.parser.LoadOptions;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs seeded mutants of the given recordings through the parser, in this (small-heap) JVM. Arguments:
 * {@code firstSeed count timeoutMillis workDir source...}. Prints one line per mutant,
 * {@code seed<TAB>kind<TAB>millis<TAB>allocatedBytes<TAB>peakHeapBytes<TAB>events<TAB>description<TAB>summary};
 * a mutant that hangs, crashes or runs out of memory is kept in {@code workDir} as {@code mutant-<seed>.jfr}.
 */
public final class FuzzMain {
    private FuzzMain() {
    }

    public static void main(String[] args) throws Exception {
        long firstSeed = Long.parseLong(args[0]);
        int count = Integer.parseInt(args[1]);
        long timeout = Long.parseLong(args[2]);
        Path work = Path.of(args[3]);
        Files.createDirectories(work);
        List<Mutator> mutators = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            mutators.add(new Mutator(Files.readAllBytes(Path.of(args[i]))));
        }
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        LoadOptions options = LoadOptions.defaults();
        for (int i = 0; i < count; i++) {
            long seed = firstSeed + i;
            Mutator.Mutant mutant = mutators.get((int) (seed % mutators.size())).mutate(seed);
            Path file = work.resolve("mutant-" + seed + ".jfr");
            Files.write(file, mutant.bytes());
            System.gc();
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
            long baseline = heapPools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
            Outcome o = Outcome.firesight(file, options, timeout);
            long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() - baseline;
            boolean bad = o.kind() == Outcome.Kind.HANG || o.kind() == Outcome.Kind.CRASH
                    || (o.error() != null && o.error().contains("needs more memory"));
            if (!bad) {
                Files.delete(file);
            }
            System.out.println(seed + "\t" + o.kind() + "\t" + o.millis() + "\t" + o.allocatedBytes() + "\t"
                    + Math.max(0, peak) + "\t" + o.events() + "\t" + mutant.description() + "\t"
                    + o.summary().replace('\t', ' ').replace('\n', ' '));
            System.out.flush();
            if (o.kind() == Outcome.Kind.HANG) {
                break; // its thread is still running; the caller reports it
            }
        }
    }
}
