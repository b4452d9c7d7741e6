package dev.firesight.app.cli;

import dev.firesight.parser.LoadOptions;
import dev.firesight.parser.RecordingException;
import dev.firesight.parser.TimeWindow;
import dev.firesight.parser.ViewKind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a command loads of a recording, applied while it is read (as the window's "less detail" choices
 * are), so that a recording too big for the heap can still be opened: {@code --from}/{@code --to},
 * {@code --views} and {@code --max-stack-depth}. Every command that reads recordings takes the same ones. When a recording does not fit, {@link #tooLarge} names the exact
 * options that would load less of it.
 */
final class LoadArguments {
    static final String FROM = "--from";
    static final String TO = "--to";
    static final String MAX_STACK_DEPTH = "--max-stack-depth";
    static final String VIEWS = "--views";
    /** The options, each taking a value. */
    static final Set<String> VALUED = Set.of(FROM, TO, MAX_STACK_DEPTH, VIEWS);
    /** The frames kept per stack that the advice suggests, as the window's "shorter stacks" does. */
    static final int SUGGESTED_DEPTH = 32;

    private final String from;
    private final String to;
    private final int maxStackDepth;
    private final Set<ViewKind> views;
    private long memoryBudget;

    LoadArguments(Args args) throws UsageException {
        this.from = args.value(FROM);
        this.to = args.value(TO);
        for (String option : new String[] {FROM, TO}) {
            if (args.value(option) != null) {
                TimeArgument.checkSyntax(args.value(option), option);
            }
        }
        // Both in seconds from the start, or both times of the clock: they compare before the recording is read.
        if (from != null && to != null && relative(from) == relative(to)
                && TimeArgument.parse(from, 0, FROM) > TimeArgument.parse(to, 0, TO)) {
            throw new UsageException(FROM + " must not be later than " + TO + ".");
        }
        this.maxStackDepth = depth(args.value(MAX_STACK_DEPTH));
        this.views = viewList(args.value(VIEWS));
    }

    /** Stops the load past this many bytes of samples and stacks (0 = the default share of the heap). */
    LoadArguments withMemoryBudget(long bytes) {
        this.memoryBudget = bytes;
        return this;
    }

    /** True when only part of the recording's time is loaded: a view may then be empty only in that part. */
    boolean partOfTime() {
        return from != null || to != null;
    }

    LoadOptions options() {
        LoadOptions options = LoadOptions.defaults().withMemoryBudget(memoryBudget);
        if (views != null) {
            options = options.withViews(views);
        }
        if (maxStackDepth > 0) {
            options = options.withMaxStackDepth(maxStackDepth);
        }
        TimeWindow window = timeWindow();
        return window == null ? options : options.withTimeWindow(window);
    }

    /**
     * {@code --from}/{@code --to} as a window of a recording's time (seconds count from its start), or null
     * when neither is given; also picks the objects of a prefix in object storage.
     */
    TimeWindow timeWindow() {
        if (from == null && to == null) {
            return null;
        }
        return (start, end) -> new long[] {
            from == null ? Long.MIN_VALUE : at(from, start, FROM), to == null ? Long.MAX_VALUE : at(to, start, TO)};
    }

    /**
     * The sentence for a recording that does not fit: what the parser says it needs, then the options of this
     * command not used yet that load less of it, then the heap.
     */
    RecordingException tooLarge(RecordingException e) {
        String needs = e.getMessage().replaceFirst(";.*", "");
        List<String> less = new ArrayList<>();
        if (maxStackDepth == 0) {
            less.add(MAX_STACK_DEPTH + " " + SUGGESTED_DEPTH + " (shorter stacks)");
        }
        if (from == null && to == null) {
            less.add(FROM + "/" + TO + " (part of its time)");
        }
        if (views == null || views.size() > 1) {
            less.add(VIEWS + " " + ViewKind.CPU.id() + " (one view)");
        }
        String options = less.isEmpty() ? "" : "load less of it with " + join(less) + ", or ";
        return new RecordingException(needs + "; " + options + "give Java a larger heap (java -Xmx4g -jar"
                + " firesight.jar ...).", e, true);
    }

    /** The views asked for with {@code --views}, or null for all. */
    Set<ViewKind> views() {
        return views;
    }

    /** Parses {@code --views cpu,alloc}; null when not given. */
    private static Set<ViewKind> viewList(String list) throws UsageException {
        if (list == null) {
            return null;
        }
        Set<ViewKind> views = EnumSet.noneOf(ViewKind.class);
        for (String id : list.split(",")) {
            ViewKind view = ViewKind.byId(id.trim());
            if (view == null) {
                throw new UsageException("unknown view '" + id.trim() + "' in " + VIEWS + "; views are "
                        + QueryOptions.knownViews() + ".");
            }
            views.add(view);
        }
        return views;
    }

    private static String join(List<String> parts) {
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " or " + parts.get(parts.size() - 1);
    }

    /** True for seconds from the recording's start, false for a time of the clock. */
    private static boolean relative(String text) throws UsageException {
        return TimeArgument.parse(text, 0, FROM) != TimeArgument.parse(text, 1, FROM);
    }

    private static long at(String text, long start, String option) {
        try {
            return TimeArgument.parse(text, start, option);
        } catch (UsageException e) {
            throw new IllegalStateException("checked before loading: " + e.getMessage(), e);
        }
    }

    private static int depth(String text) throws UsageException {
        if (text == null) {
            return 0;
        }
        try {
            int depth = Integer.parseInt(text.trim());
            if (depth > 0) {
                return depth;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new UsageException(MAX_STACK_DEPTH + " needs a positive whole number of frames, not '" + text + "'.");
    }
}
