package dev.firesight.app.cli;

import dev.firesight.files.OutputFile;
import dev.firesight.parser.Profile;
import dev.firesight.parser.ViewKind;
import dev.firesight.parser.findings.Finding;
import dev.firesight.parser.findings.Findings;
import dev.firesight.parser.findings.Thresholds;
import dev.firesight.parser.query.ShareChange;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code check}: a regression gate for CI. With two recordings, each {@code --max-growth 'REGEX=5%'} fails
 * when the share of the view's weight under frames matching REGEX grew by more than the limit and the growth
 * is significant (more than sampling noise, see {@link ShareChange}). With one recording and
 * {@code --rules FILE}, each rule line is checked on it. Exit 0 when every rule passes, 1 when one fails,
 * 2 for wrong arguments; one line per failed rule, and a JUnit XML report with {@code --junit}.
 */
final class CheckCommand implements Command {
    private static final String VIEW = "--view";
    private static final String MAX_GROWTH = "--max-growth";
    private static final String RULES = "--rules";
    private static final String JUNIT = "--junit";

    @Override
    public String name() {
        return "check";
    }

    @Override
    public String usage() {
        return "check BASE TARGET --view V --max-growth 'REGEX=5%' [...] | check FILE --rules RULES  [--junit OUT.xml]";
    }

    /** One checked rule and, when it failed, why. */
    record Result(String rule, String failure) {
    }

    @Override
    public int run(List<String> raw, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(raw, Set.of(VIEW, MAX_GROWTH, RULES, JUNIT), Set.of());
        List<String> files = args.positional();
        if (args.value(JUNIT) != null) {
            QueryOptions.checkOutput(args.value(JUNIT)); // before reading: a wrong path is a sentence at once
        }
        LoadArguments load = new LoadArguments(args);
        List<Result> results;
        if (files.size() == 2 && args.value(RULES) == null) {
            results = growthRules(args, files, load, err);
        } else if (files.size() == 1 && args.value(RULES) != null) {
            results = fileRules(Path.of(args.value(RULES)), ProfileFiles.open(files.get(0), err, load));
        } else {
            throw new UsageException("check takes BASE TARGET with --max-growth, or one FILE with --rules.");
        }
        long failed = results.stream().filter(r -> r.failure() != null).count();
        results.stream().filter(r -> r.failure() != null).forEach(r -> out.println("FAIL " + r.rule() + ": " + r.failure()));
        out.printf(Locale.ROOT, "%d passed, %d failed%n", results.size() - failed, failed);
        if (args.value(JUNIT) != null) {
            String xml = JUnitReport.of("firesight check", results);
            OutputFile.writeText(Path.of(args.value(JUNIT)), w -> w.write(xml));
        }
        return failed == 0 ? 0 : 1;
    }

    private static List<Result> growthRules(Args args, List<String> files, LoadArguments load, PrintStream err)
            throws Exception {
        if (args.all(MAX_GROWTH).isEmpty()) {
            throw new UsageException("check BASE TARGET needs at least one --max-growth 'REGEX=PERCENT'.");
        }
        ViewKind view = view(args.value(VIEW));
        List<Object[]> limits = new ArrayList<>();
        for (String rule : args.all(MAX_GROWTH)) {
            int eq = rule.lastIndexOf('=');
            if (eq <= 0) {
                throw new UsageException("--max-growth takes REGEX=PERCENT, e.g. 'java\\.util\\.HashMap\\.resize=5%'; got '"
                        + rule + "'.");
            }
            limits.add(new Object[] {rule, pattern(rule.substring(0, eq)), percent(rule.substring(eq + 1))});
        }
        Profile base = ProfileFiles.open(files.get(0), err, load);
        Profile target = ProfileFiles.open(files.get(1), err, load);
        List<Result> results = new ArrayList<>();
        for (Object[] l : limits) {
            ShareChange change = ShareChange.of(base, target, view, (Pattern) l[1]);
            double limit = (Double) l[2];
            boolean fails = change.significant() && change.z() > 0 && change.growth() > limit;
            String unchecked = checksNothing(view, (Pattern) l[1], change, base, target);
            results.add(new Result(view.id() + " " + l[0], unchecked != null ? unchecked
                    : fails ? change.describe() + String.format(Locale.ROOT, ", more than the +%.0f%% allowed",
                    limit * 100) : null));
        }
        return results;
    }

    /**
     * Rules for one recording, one per line ({@code #} starts a comment):
     * {@code max-share VIEW REGEX PERCENT} (frames matching REGEX hold at most PERCENT of the view) and
     * {@code no-finding RULE} (that finding does not fire, e.g. {@code boxing}).
     */
    static List<Result> fileRules(Path rulesFile, Profile profile) throws IOException, UsageException {
        if (!Files.isRegularFile(rulesFile)) {
            throw new UsageException("the rules file " + rulesFile + " does not exist.");
        }
        List<Finding> findings = null;
        List<Result> results = new ArrayList<>();
        int lineNumber = 0;
        for (String line : Files.readAllLines(rulesFile, StandardCharsets.UTF_8)) {
            lineNumber++;
            String text = line.replaceFirst("#.*", "").trim();
            if (text.isEmpty()) {
                continue;
            }
            String[] words = text.split("\\s+");
            String where = rulesFile.getFileName() + ":" + lineNumber;
            if (words[0].equals("max-share") && words.length == 4) {
                ViewKind view;
                try {
                    view = view(words[1]);
                } catch (UsageException e) {
                    throw new UsageException(where + ": " + e.getMessage());
                }
                Pattern frames = pattern(words[2]);
                ShareChange share = ShareChange.of(profile, profile, view, frames);
                double limit = percent(words[3]);
                if (limit > 1) {
                    throw new UsageException(where + ": a share is at most 100%; got '" + words[3] + "'.");
                }
                String unchecked = checksNothing(view, frames, share, profile);
                results.add(new Result(text, unchecked != null ? unchecked : share.targetShare() > limit
                        ? String.format(Locale.ROOT, "%.1f%% of %s, more than the %.1f%% allowed",
                        share.targetShare() * 100, view.id(), limit * 100) : null));
            } else if (words[0].equals("no-finding") && words.length == 2) {
                if (!Findings.RULES.contains(words[1])) {
                    throw new UsageException(where + ": there is no finding '" + words[1] + "'; the findings are "
                            + String.join(", ", Findings.RULES) + ".");
                }
                findings = findings != null ? findings : Findings.of(profile, Thresholds.DEFAULTS);
                Finding hit = findings.stream().filter(f -> f.rule().equals(words[1])).findFirst().orElse(null);
                String lacks = Findings.lacks(profile, words[1]);
                results.add(new Result(text, lacks != null ? "the rule checks nothing: the recording has " + lacks
                        : hit == null ? null : hit.sentence()));
            } else {
                throw new UsageException(where + ": a rule is 'max-share VIEW REGEX PERCENT' or 'no-finding RULE'; got '"
                        + text + "'.");
            }
        }
        if (results.isEmpty()) {
            throw new UsageException("the rules file " + rulesFile + " has no rules.");
        }
        return results;
    }

    /**
     * Why a rule checks nothing, or null when it checks something: the recordings have no samples of its view, or
     * its pattern matches no frame with weight in any of them. Such a rule fails, so that a misspelt pattern or view
     * in a CI gate is found the day it is written rather than passing for ever.
     */
    private static String checksNothing(ViewKind view, Pattern frames, ShareChange change, Profile... profiles) {
        String recordings = profiles.length == 1 ? "the recording" : "either recording";
        for (int i = 0; i < profiles.length; i++) {
            if (!profiles[i].has(view)) {
                // a growth to or from nothing says nothing about the code: the view was not recorded there
                return "the rule checks nothing: " + (profiles.length == 1 ? "the recording" : i == 0 ? "the baseline"
                        : "the target") + " has no " + view.eventNoun() + " (view " + view.id() + ")";
            }
        }
        if (change.baseShare() == 0 && change.targetShare() == 0) {
            return "the rule checks nothing: '" + frames.pattern() + "' matches no frame of the " + view.id()
                    + " view in " + recordings + " (a misspelt name, or a method that is gone)";
        }
        return null;
    }

    private static ViewKind view(String id) throws UsageException {
        if (id == null) {
            throw new UsageException("check needs --view (cpu, alloc, ...).");
        }
        ViewKind view = ViewKind.byId(id);
        if (view == null) {
            throw new UsageException("unknown view '" + id + "'; the views are " + java.util.Arrays.stream(
                    ViewKind.values()).map(ViewKind::id).collect(java.util.stream.Collectors.joining(", ")) + ".");
        }
        return view;
    }

    private static Pattern pattern(String regex) throws UsageException {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UsageException("'" + regex + "' is not a regular expression: " + e.getDescription() + ".");
        }
    }

    private static double percent(String text) throws UsageException {
        double share;
        try {
            share = Double.parseDouble(text.trim().replaceFirst("%$", "")) / 100;
        } catch (NumberFormatException e) {
            throw new UsageException("'" + text + "' is not a percentage such as 5%.");
        }
        if (!(share >= 0)) {
            throw new UsageException("'" + text + "' is not a percentage such as 5%.");
        }
        return share;
    }
}
