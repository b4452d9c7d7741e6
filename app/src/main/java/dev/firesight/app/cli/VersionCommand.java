package dev.firesight.app.cli;

import java.io.PrintStream;
import java.util.List;

/** {@code --version}: prints the version and exits, with no display needed. */
final class VersionCommand implements Command {
    @Override
    public String name() {
        return "--version";
    }

    @Override
    public String usage() {
        return "--version                        print the version";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        out.println("Firesight " + version());
        return 0;
    }

    static String version() {
        String version = Cli.class.getPackage().getImplementationVersion();
        return version == null ? "development build" : version;
    }
}
