package dev.firesight.parser.jfr;

/**
 * The samples and stacks read so far passed the load's memory budget. Thrown out of the reader, past the
 * per-chunk recovery that keeps other chunks, so the load stops before the JVM runs out of memory.
 */
public final class MemoryBudgetExceeded extends RuntimeException {
    private final long budget;

    MemoryBudgetExceeded(long budget) {
        super("memory budget of " + budget + " bytes exceeded", null, false, false);
        this.budget = budget;
    }

    /** The budget in bytes that was passed, or -1 when the heap itself was nearly full. */
    public long budget() {
        return budget;
    }
}
