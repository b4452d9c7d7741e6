package dev.firesight.app.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: subcommands that share the window's model, layout and export code. Every failure
 * becomes one line on stderr and a non-zero exit code, never a stack trace.
 */
public final class Cli {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    Cli(List<Command> commands) {
        for (Command command : commands) {
            this.commands.put(command.name(), command);
        }
    }

    /** The subcommands the jar knows. New commands register here. */
    static Cli standard() {
        return new Cli(List.of(
                new SummaryCommand(),
                new ExportCommand(),
                new DiffCommand(),
                new CheckCommand(),
                new RedactCommand(),
                new JvmsCommand(),
                new RecordCommand(),
                new DemoCommand(),
                new VersionCommand()));
    }

    /**
     * True when the arguments name a subcommand rather than files to open in the window, or start with a
     * word that looks like a mistyped one (lower-case letters and no such file): that gets a sentence here
     * rather than a window that cannot open it.
     */
    public static boolean handles(String[] args) {
        return args.length > 0 && (standard().commands.containsKey(args[0]) || isHelp(args[0])
                || looksLikeCommand(args[0]));
    }

    static boolean looksLikeCommand(String word) {
        return word.matches("[a-z][a-z-]*") && !Files.exists(Path.of(word));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return standard().execute(Arrays.asList(args), out, err);
    }

    int execute(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || isHelp(args.get(0))) {
            printUsage(args.isEmpty() ? err : out);
            return args.isEmpty() ? 2 : 0;
        }
        Command command = commands.get(args.get(0));
        if (command == null) {
            err.println("firesight: unknown command '" + args.get(0) + "'; " + suggestion(args.get(0)));
            return 2;
        }
        try {
            return command.run(args.subList(1, args.size()), out, err);
        } catch (UsageException e) {
            err.println("firesight " + command.name() + ": " + e.getMessage());
            return 2;
        } catch (OutOfMemoryError e) {
            err.println("firesight " + command.name()
                    + ": ran out of memory; give the JVM more heap (-Xmx) or narrow the time range.");
            return 1;
        } catch (Exception e) {
            err.println("firesight " + command.name() + ": " + oneLine(e));
            return 1;
        }
    }

    private void printUsage(PrintStream out) {
        out.println("usage: firesight [FILE.jfr ...]        open the desktop app");
        for (Command command : commands.values()) {
            out.println("       firesight " + command.usage());
        }
        out.println("FILE may also be a folder of recordings, or s3://BUCKET/PREFIX/ in object storage (configured by");
        out.println("AWS_REGION, AWS_PROFILE, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_ENDPOINT_URL).");
    }

    /** "did you mean 'summary'?" for a near miss, else where to look. */
    private String suggestion(String word) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : commands.keySet()) {
            int d = editDistance(word, name);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.max(1, best.length() / 3) ? "did you mean '" + best + "'?"
                : "'firesight --help' lists the commands.";
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static boolean isHelp(String arg) {
        return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
    }

    /** A message for an unexpected failure that still fits on one line. */
    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = "unexpected " + e.getClass().getSimpleName();
        }
        return message.replaceAll("\\s*\\R\\s*", " ");
    }
}
