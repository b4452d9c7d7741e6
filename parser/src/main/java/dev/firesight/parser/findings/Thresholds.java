package dev.firesight.parser.findings;

/**
 * Every threshold of every finding rule, in one place. Shares are of the view's total weight; rates are per
 * second of recording. The defaults keep quiet recordings silent: the allocation rules need real churn.
 *
 * @param minAllocationRate     bytes per second below which no allocation rule fires
 * @param dominantSite          share of allocated bytes one method must have to dominate
 * @param boxing                share of bytes allocated boxing primitives
 * @param strings               share of bytes allocated growing string builders and formatting
 * @param resizing              share of bytes allocated growing collections
 * @param outsideTlab           share of the allocation view's bytes allocated outside TLABs
 * @param exceptionsPerSecond   throwables created per second
 * @param gcOverhead            share of the recording's time spent in GC pauses
 * @param longPauseNanos        a GC pause this long is worth explaining by the allocation before it
 * @param lockedThreads         average number of threads blocked, below which contention is no finding
 * @param dominantMonitor       share of blocked time on one monitor class
 * @param leakObjects           sampled live objects of one site and class that make a leak suspect
 * @param nativeLeakRate        bytes per second of native memory allocated and never freed
 */
public record Thresholds(double minAllocationRate, double dominantSite, double boxing, double strings,
                         double resizing, double outsideTlab, double exceptionsPerSecond, double gcOverhead, long longPauseNanos,
                         double lockedThreads, double dominantMonitor, int leakObjects, double nativeLeakRate) {
    public static final Thresholds DEFAULTS = new Thresholds(
            20e6, 0.30, 0.05, 0.15, 0.10, 0.25, 1_000, 0.10, 200_000_000L, 0.5, 0.5, 10, 64 * 1024);
}
