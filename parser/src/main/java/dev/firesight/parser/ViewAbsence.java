package dev.firesight.parser;

/**
 * Why a recording shows nothing in a view, in one sentence for the window and the command line: either
 * the recording has no such events, or it has them without stack traces, which is a setting the user
 * can change the next time they record.
 */
public final class ViewAbsence {
    private ViewAbsence() {
    }

    /** The sentence for a view the profile does not have, starting with "The recording". */
    public static String sentence(Profile profile, ViewKind view) {
        long stackless = profile.eventsWithoutStack(view);
        if (stackless == 0) {
            return "The recording has no " + view.eventNoun() + ".";
        }
        return "The recording's " + Wording.count(stackless) + " " + view.eventNoun()
                + " were all recorded without stack traces, so there is nothing to draw. " + advice(view);
    }

    /** The sentence for a profile with no view at all. */
    public static String sentence(Profile profile) {
        for (ViewKind view : ViewKind.values()) {
            if (profile.eventsWithoutStack(view) > 0) {
                return sentence(profile, view);
            }
        }
        return "The recording holds no CPU, allocation, lock or wall-clock samples.";
    }

    private static String advice(ViewKind view) {
        switch (view) {
            case ALLOC:
            case ALLOC_COUNT:
            case ALLOC_OUTSIDE_TLAB:
                return "Record them with stack traces: in JFR settings, stackTrace=true for"
                        + " jdk.ObjectAllocationSample (and jdk.ObjectAllocationInNewTLAB and"
                        + " jdk.ObjectAllocationOutsideTLAB where they are on); async-profiler's alloc event"
                        + " records stacks by default.";
            case LOCK:
                return "Record them with stack traces: in JFR settings, stackTrace=true for jdk.JavaMonitorEnter"
                        + " and jdk.ThreadPark; async-profiler's lock event records stacks by default.";
            default:
                return "Record again with stack traces on (JFR's stackdepth above 0, or async-profiler's defaults).";
        }
    }
}
