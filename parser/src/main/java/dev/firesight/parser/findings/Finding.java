package dev.firesight.parser.findings;

import dev.firesight.parser.TimeSeries;
import dev.firesight.parser.ViewKind;

/**
 * One thing a recording shows that matters, in one sentence with its numbers, and the view that shows it.
 *
 * @param rule     the rule's id, e.g. {@code boxing}
 * @param title    a few words, e.g. "Boxing churn"
 * @param sentence what was seen, how much it costs and where
 * @param share    what orders the findings, 0 to 1: how much of its view (or of the recording's time) it
 *                 accounts for, or for a rule without such a share (heap growth, a leak suspect) its rank
 * @param evidence where to look
 */
public record Finding(String rule, String title, String sentence, double share, Evidence evidence) {

    public Finding {
        if (!Findings.RULES.contains(rule)) {
            // check's "no-finding RULE" refuses ids not in the list: a rule missing from it could not be gated
            throw new IllegalArgumentException("finding rule '" + rule + "' is not in Findings.RULES");
        }
    }

    /**
     * The view that shows a finding: a view, a time range, and a frame to focus on or a search to run.
     *
     * @param fromNanos start of the range (epoch nanoseconds), or {@link Long#MIN_VALUE} for the whole recording
     * @param toNanos   end of the range, or {@link Long#MAX_VALUE}
     * @param frame     a frame name to focus on, or null
     * @param search    a regular expression over frame names to search for, or null
     * @param source    the JVM (as the profile's sources number them) the finding is about, or -1 for all
     * @param series    the series the finding reads (the heap after GC for its growth, GC pauses), which the
     *                  window's timeline shows, or null when the samples alone show it
     */
    public record Evidence(ViewKind view, long fromNanos, long toNanos, String frame, String search, int source,
                           TimeSeries.Kind series) {
        public static Evidence of(ViewKind view) {
            return new Evidence(view, Long.MIN_VALUE, Long.MAX_VALUE, null, null, -1, null);
        }

        public Evidence focus(String frameName) {
            return new Evidence(view, fromNanos, toNanos, frameName, search, source, series);
        }

        public Evidence search(String regex) {
            return new Evidence(view, fromNanos, toNanos, frame, regex, source, series);
        }

        public Evidence range(long from, long to) {
            return new Evidence(view, from, to, frame, search, source, series);
        }

        /** The same evidence in one JVM of several: opening it shows that JVM's samples. */
        public Evidence source(int jvm) {
            return new Evidence(view, fromNanos, toNanos, frame, search, jvm, series);
        }

        /** The same evidence, read on the timeline's drawing of {@code kind}. */
        public Evidence series(TimeSeries.Kind kind) {
            return new Evidence(view, fromNanos, toNanos, frame, search, source, kind);
        }
    }
}
