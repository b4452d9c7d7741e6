package dev.firesight.app.cli;

import dev.firesight.parser.Secrets;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code redact FILE -o OUT}: a copy of the recording to share, with secret-looking values, the JVM's
 * arguments and the program's arguments masked. Every other byte is as in the original.
 */
final class RedactCommand implements Command {
    @Override
    public String name() {
        return "redact";
    }

    @Override
    public String usage() {
        return "redact FILE -o OUT.jfr           a copy to share, secrets and arguments masked";
    }

    @Override
    public int run(List<String> raw, PrintStream out, PrintStream err) throws Exception {
        Args args = new Args(raw, Set.of("-o", "--output"), Set.of());
        String output = args.value("-o", "--output");
        if (args.positional().size() != 1 || output == null) {
            throw new UsageException("redact takes one recording file and -o OUT.jfr for the copy.");
        }
        QueryOptions.checkOutput(output);
        Path source = Path.of(args.positional().get(0));
        Path target = Path.of(output);
        if (Files.exists(target) && Files.isSameFile(source, target)) {
            throw new UsageException("the copy must go to another file than the recording itself.");
        }
        Secrets.Redaction result = Secrets.writeRedactedCopy(source, target, () -> false);
        out.println("Wrote " + target + ": " + result.maskedValues() + " value"
                + (result.maskedValues() == 1 ? "" : "s") + " masked in " + result.chunks() + " chunk"
                + (result.chunks() == 1 ? "" : "s") + ".");
        return 0;
    }
}
