package dev.firesight.app.cli;

import java.io.PrintStream;
import java.util.List;

/** One CLI subcommand. Implementations print results to {@code out} and one-line errors to {@code err}. */
public interface Command {
    /** The word that selects this command, e.g. {@code summary}. */
    String name();

    /** One line for the usage text, e.g. {@code summary FILE  recording facts and hot methods}. */
    String usage();

    /**
     * Runs the command.
     *
     * @return the process exit code: 0 on success (a partial read included), non-zero otherwise
     * @throws UsageException when the arguments are wrong; the message is one sentence
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
