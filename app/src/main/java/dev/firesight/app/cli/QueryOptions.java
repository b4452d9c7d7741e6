package dev.firesight.app.cli;

import dev.firesight.files.CreationRefusedException;
import dev.firesight.files.OutputFile;
import dev.firesight.parser.Profile;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.query.ProfileQuery;
import dev.firesight.parser.query.Transforms;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The options {@code export} and {@code diff} share: view, format, output, time range, thread split,
 * include and exclude regexes, reverse, and transforms.
 */
final class QueryOptions {
    static final Set<String> VALUED = Set.of("--view", "--format", "-o", "--output", "--include", "--exclude",
            "-I", "-X");
    static final Set<String> SWITCHES = Set.of("--threads", "--reverse", "-r", "-t");

    final Args args;
    final String format;
    final String output;
    /** What to load: the views, time range and stack depth asked for, applied while reading. */
    final LoadArguments load;
    /** The transforms asked for, applied to the loaded profile before any query. */
    final Transforms transforms;
    private final Pattern include;
    private final Pattern exclude;

    QueryOptions(List<String> raw, Set<String> formats) throws UsageException {
        this(raw, formats, Set.of());
    }

    /** As above, with options that only one command takes ({@code extraValued}, each taking a value). */
    QueryOptions(List<String> raw, Set<String> formats, Set<String> extraValued) throws UsageException {
        Set<String> valued = new java.util.HashSet<>(VALUED);
        valued.addAll(LoadArguments.VALUED);
        valued.addAll(TransformOptions.VALUED);
        valued.addAll(extraValued);
        Set<String> switches = new java.util.HashSet<>(SWITCHES);
        switches.addAll(TransformOptions.SWITCHES);
        args = new Args(raw, valued, switches);
        format = args.value("--format") == null ? "collapsed" : args.value("--format");
        if (!formats.contains(format)) {
            throw new UsageException("--format must be one of " + String.join(", ", new java.util.TreeSet<>(formats))
                    + ", not '" + format + "'.");
        }
        output = args.value("-o", "--output");
        if (output != null && !output.equals("-")) {
            checkOutput(output);
        }
        // Check what can be checked before the (possibly long) load, so usage errors come first.
        include = pattern(args.value("--include", "-I"), "--include");
        exclude = pattern(args.value("--exclude", "-X"), "--exclude");
        transforms = TransformOptions.of(args);
        load = new LoadArguments(args);
        if (args.value("--view") != null) {
            ViewKind view = checkedView(args.value("--view"));
            if (load.views() != null && !load.views().contains(view)) {
                throw new UsageException("--view " + view.id() + " must be one of the views loaded with "
                        + LoadArguments.VIEWS + ".");
            }
        }
    }

    /** The view asked for, or the first the profile has (CPU before allocations, and so on). */
    ViewKind view(Profile profile) throws UsageException {
        String id = args.value("--view");
        if (id == null) {
            if (profile.views().isEmpty()) {
                throw new UsageException("the recording has no samples in any view.");
            }
            return profile.views().iterator().next();
        }
        return checkedView(id);
    }

    private static ViewKind checkedView(String id) throws UsageException {
        ViewKind view = ViewKind.byId(id);
        if (view == null) {
            throw new UsageException("unknown view '" + id + "'; views are " + knownViews() + ".");
        }
        return view;
    }

    /** "cpu, wall, alloc, ...". */
    static String knownViews() {
        StringBuilder known = new StringBuilder();
        for (ViewKind v : ViewKind.values()) {
            known.append(known.length() == 0 ? "" : ", ").append(v.id());
        }
        return known.toString();
    }

    ProfileQuery query(Profile profile, ViewKind view) throws UsageException {
        ProfileQuery q = ProfileQuery.of(view)
                .withPerThread(args.flag("--threads") || args.flag("-t"))
                .withReverse(args.flag("--reverse") || args.flag("-r"))
                .withInclude(include)
                .withExclude(exclude);
        String from = args.value("--from");
        String to = args.value("--to");
        if (from != null || to != null) {
            long f = from == null ? Long.MIN_VALUE : TimeArgument.parse(from, profile.info(), "--from");
            long t = to == null ? Long.MAX_VALUE : TimeArgument.parse(to, profile.info(), "--to");
            if (f > t) {
                throw new UsageException("--from must not be later than --to.");
            }
            q = q.withRange(f, t);
        }
        return q;
    }

    /** Refuses, before the (possibly long) load, an output that could not be written. */
    static void checkOutput(String output) throws UsageException {
        try {
            OutputFile.check(Path.of(output));
        } catch (CreationRefusedException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static Pattern pattern(String regex, String option) throws UsageException {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UsageException(option + " is not a valid regular expression: " + e.getDescription() + ".");
        }
    }
}
