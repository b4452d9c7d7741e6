package dev.firesight.parser.robust;

import dev.firesight.parser.LoadOptions;

import java.nio.file.Path;

/**
 * Main class run in a child JVM with a small heap: opens each file given and prints one line per file,
 * {@code name<TAB>kind<TAB>events<TAB>samples<TAB>millis<TAB>summary}.
 */
public final class OpenInChild {
    private OpenInChild() {
    }

    public static void main(String[] args) {
        LoadOptions options = LoadOptions.defaults().withMaxDecompressedBytes(DamagedCorpus.BOMB_CAP);
        for (String arg : args) {
            Path file = Path.of(arg);
            Outcome o = Outcome.firesight(file, options, DamagedFilesTest.TIME_LIMIT_MILLIS);
            System.out.println(file.getFileName() + "\t" + o.kind() + "\t" + o.events() + "\t" + o.samples() + "\t"
                    + o.millis() + "\t" + o.summary().replace('\n', ' '));
            System.out.flush();
        }
    }
}
