package dev.firesight.parser.jfr;

import java.util.Map;

/**
 * Which {@code jdk.ExecutionSample} events of a chunk are wall-clock samples rather than CPU samples.
 *
 * <p>async-profiler writes wall-clock samples as {@code jdk.ExecutionSample} whenever it has no
 * {@code profiler.WallClockSample} to write them as: in every release before 4.0, and in 4.x with
 * {@code event=wall,nobatch}. Two facts tell them apart, the same ones async-profiler's converter uses:
 * <ul>
 *   <li>From 2.10 on, its {@code jdk.types.ThreadState} pool has {@code STATE_DEFAULT}: CPU samples carry
 *       that state, wall-clock samples carry {@code STATE_RUNNABLE} or {@code STATE_SLEEPING}. The
 *       converter's {@code --cpu} keeps {@code STATE_DEFAULT} and {@code --wall} keeps every other state.</li>
 *   <li>Up to 2.9 there is no {@code STATE_DEFAULT} and a recording has one sampling engine; its
 *       {@code jdk.ActiveSetting} named {@code event} says which. With {@code event=wall} every execution
 *       sample is a wall-clock sample.</li>
 * </ul>
 * The JDK's own recordings have neither (their samples are {@code STATE_RUNNABLE}, and no setting is named
 * {@code event}), so all their execution samples stay CPU samples.
 */
final class ExecutionStates {
    static final String STATE_POOL = "jdk.types.ThreadState";
    /** The {@code jdk.ActiveSetting} in which async-profiler records its main event. */
    static final String MAIN_EVENT_SETTING = "event";
    private static final String CPU_STATE = "STATE_DEFAULT";
    private static final long NONE = Long.MIN_VALUE;

    private final boolean allWall;
    private final long cpuState;
    private final Map<Long, Object> states;

    private ExecutionStates(boolean allWall, long cpuState, Map<Long, Object> states) {
        this.allWall = allWall;
        this.cpuState = cpuState;
        this.states = states;
    }

    /**
     * @param pools     the chunk's constant pools, read to its end
     * @param mainEvent async-profiler's main event as its settings give it (e.g. {@code cpu}, {@code wall}),
     *                  or null when the recording has no such setting
     */
    static ExecutionStates of(ConstantPools pools, String mainEvent) {
        Map<Long, Object> states = pools.pool(STATE_POOL);
        for (Map.Entry<Long, Object> e : states.entrySet()) {
            if (CPU_STATE.equals(pools.text(e.getValue()))) {
                return new ExecutionStates(false, e.getKey(), states);
            }
        }
        return new ExecutionStates("wall".equals(mainEvent), NONE, states);
    }

    /**
     * True when the samples' thread states alone tell CPU from wall-clock samples (async-profiler 2.10 and
     * later), so no setting read later in the chunk can change which is which.
     */
    boolean byState() {
        return cpuState != NONE;
    }

    /** True when any sample of the chunk can be a wall-clock sample, so states are worth looking at. */
    boolean anyWall() {
        return allWall || cpuState != NONE;
    }

    /**
     * True when an execution sample in this thread state is a wall-clock sample. A state the pool does
     * not name (never seen in an intact file) stays a CPU sample, so that it is not lost from view.
     */
    boolean isWall(long state) {
        if (allWall) {
            return true;
        }
        return cpuState != NONE && state != cpuState && states.containsKey(state);
    }
}
