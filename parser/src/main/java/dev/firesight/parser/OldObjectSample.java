package dev.firesight.parser;

import java.util.List;

/**
 * One object JFR's old-object sampler still found alive at the end of the recording ({@code
 * jdk.OldObjectSample}): where it was allocated, how old it is, and, when the recording searched for paths to
 * GC roots ({@code cutoff} above 0, e.g. {@code path-to-gc-roots=true}), who holds it.
 *
 * @param stack             the allocation stack with the object's class as leaf frame, or -1 without a stack
 * @param className         the object's class, as frames name classes ({@code byte[]}, {@code java.lang.String})
 * @param timeNanos         when the sample was written (epoch nanoseconds)
 * @param allocationNanos   when the object was allocated (epoch nanoseconds)
 * @param sizeBytes         the object's size (JDK 21 and later record it), or -1
 * @param arrayElements     its length when it is an array, else -1
 * @param referrers         the chain of holders from the object towards its GC root, nearest first, each as
 *                          {@code Class.field} or {@code Class[index]}; empty when the path was not searched
 * @param root              the GC root's description ("static field", a thread's stack, ...), or null
 * @param source            the JVM that sampled it, of the profile's {@link Profile#sources()}
 */
public record OldObjectSample(int stack, String className, long timeNanos, long allocationNanos, long sizeBytes,
                              int arrayElements, List<String> referrers, String root, int source) {
    /** How long the object had lived when it was sampled. */
    public long ageNanos() {
        return Math.max(0, timeNanos - allocationNanos);
    }
}
