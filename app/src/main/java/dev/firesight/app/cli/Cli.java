package dev.firesight.app.cli;

import java.io.PrintStream;
import java.util.Set;

/** The command line: subcommands that share the window's model, layout and export code. */
public final class Cli {
    private static final Set<String> COMMANDS = Set.of("summary", "export", "--version", "--help", "-h");

    private Cli() {
    }

    /** True when the arguments name a subcommand rather than files to open in the window. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        err.println("firesight: not built yet");
        return 2;
    }
}
