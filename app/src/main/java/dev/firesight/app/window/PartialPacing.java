package dev.firesight.app.window;

/**
 * When a load should make its next partial profile. At most one is on its way to the window at a time: the
 * first after {@link #FIRST_NANOS} (a smaller file is read whole by then), the next only once the last one's
 * flame graph was computed and {@link #NEXT_NANOS} later, or four times as long as that took when longer: on
 * two cores each one's copy, query and timeline take time from the reading.
 *
 * <p>When the window also tells that the partial's timeline was computed ({@link #settled}), the next waits
 * twice the whole of that partial's work instead, from its showing to the later of the two. The timeline comes after
 * the query and can take longer: on a 513 MB JDK recording, once each view got a call tree of its own stacks,
 * the CPU query took 0.1-0.5 s and the timeline 0.3-1.0 s, so pacing by the query alone made six partials
 * instead of four and the complete flame graph came later.
 *
 * <p>A partial after the first also waits until twice as much of the recording has been read ({@link #doubled}).
 *
 * <p>No partial after the first is made when, at the pace reading went since the last one, reading ends sooner
 * than twice that one's work took: its flame graph would come about when the complete one does, and its
 * copy, query and timeline would only delay that. On the 513 MB file one came at 97%, and the complete flame
 * graph 0.75 s later than the end of reading. The first partial is made regardless: an async-profiler
 * recording counts its constant pools, read ahead, as more than half its bytes in the first second.
 *
 * <p>Times are {@link System#nanoTime()} values passed in, so tests can give their own. Asked on the loading
 * thread ({@link #wanted}, {@link #progress}, {@link #made}), told on the UI thread ({@link #shown},
 * {@link #computed}, {@link #settled}, {@link #notShown}).
 */
final class PartialPacing {
    static final long FIRST_NANOS = 500_000_000L;
    static final long NEXT_NANOS = 1_000_000_000L;

    private volatile boolean wanted;
    private volatile long notBefore;
    /** Progress (0-1) as last reported, and when. */
    private volatile double fraction;
    private volatile long fractionAt;
    /** Progress and time when the last partial was made; -1 before the first. */
    private volatile double madeFraction = -1;
    private volatile long madeAt;
    /**
     * When the partial shown last was handed to the query, and how long its work took (0 before its query was
     * computed): its query, and its timeline too once {@link #settled}.
     */
    private long shownAt;
    private volatile long lastWorkNanos;
    /** Whether the shown partial's flame graph and its timeline were computed. */
    private boolean queryDone;
    private boolean timelineDone;

    /** A load starts: the first partial is wanted {@link #FIRST_NANOS} from now, if partials are made at all. */
    void start(long now, boolean partials) {
        notBefore = now + FIRST_NANOS;
        madeFraction = -1;
        lastWorkNanos = 0;
        fraction = 0;
        fractionAt = now;
        wanted = partials;
    }

    /** Reading has got to {@code fraction} (0-1) of the recording. */
    void progress(double fraction, long now) {
        this.fraction = fraction;
        this.fractionAt = now;
    }

    /** True when a partial profile should be made now. */
    boolean wanted(long now) {
        return wanted && now - notBefore >= 0 && !endsSoon() && doubled();
    }

    /**
     * Whether twice as much of the recording has been read as for the last partial (always for the first). A
     * partial costs about what has been read so far (its copy, query and timeline), so spacing them by doubling
     * keeps their whole cost under twice the last one's. Times alone did not: with the first partial's flame graph
     * quick (reading held until it was on screen), the 228 MiB file made a second partial at 57% of its bytes,
     * after the first at 54%, whose query took 1.6 s and made the complete flame graph a second later.
     */
    private boolean doubled() {
        double since = madeFraction;
        return since < 0 || fraction >= 2 * since;
    }

    /** Whether reading will end, at its pace since the last partial, before another partial's work would. */
    private boolean endsSoon() {
        double since = madeFraction;
        long query = lastWorkNanos;
        double f = fraction;
        long elapsed = fractionAt - madeAt;
        if (since < 0 || query <= 0 || f <= since || elapsed <= 0) {
            return false;
        }
        double remainingNanos = (1 - f) * elapsed / (f - since);
        return remainingNanos < 2.0 * query;
    }

    /** A partial profile was made at {@code fraction}; none more until it was shown. */
    void made(double fraction, long now) {
        wanted = false;
        madeFraction = fraction;
        madeAt = now;
    }

    /** The partial profile made last is handed to the query. */
    void shown(long now) {
        shownAt = now;
        queryDone = false;
        timelineDone = false;
    }

    /** It could not be shown (no views yet, or reading ended); another one may come a while later. */
    void notShown(long now, boolean stillLoading) {
        notBefore = now + NEXT_NANOS;
        wanted = stillLoading;
    }

    /** The shown partial's flame graph was computed: the next one may come, see the class comment. */
    void computed(long now) {
        queryDone = true;
        long work = now - shownAt;
        lastWorkNanos = work;
        notBefore = now + Math.max(NEXT_NANOS, (timelineDone ? 2 : 4) * work);
        wanted = true;
    }

    /**
     * The shown partial's timeline was computed: once its flame graph is too, the next partial waits twice the
     * partial's whole work, from its showing to the later of the two. The two workers may finish them in either
     * order.
     */
    void settled(long now) {
        timelineDone = true;
        if (queryDone) {
            long work = now - shownAt;
            lastWorkNanos = work;
            notBefore = now + Math.max(NEXT_NANOS, 2 * work);
        }
    }
}
