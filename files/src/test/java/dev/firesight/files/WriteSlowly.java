package dev.firesight.files;

import java.nio.file.Path;

/** Main class for a child JVM: starts writing an output, says so, and waits to be stopped. */
public final class WriteSlowly {
    private WriteSlowly() {
    }

    public static void main(String[] args) throws Exception {
        try (OutputFile out = OutputFile.create(Path.of(args[0]))) {
            out.stream().write(new byte[1 << 20]);
            out.stream().flush();
            System.out.println("writing");
            System.out.flush();
            Thread.sleep(120_000);
            out.commit();
        }
    }
}
