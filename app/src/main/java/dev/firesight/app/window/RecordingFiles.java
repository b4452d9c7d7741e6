package dev.firesight.app.window;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Which files Firesight opens: JFR recordings, plain, gzipped or zipped. */
public final class RecordingFiles {
    public static final List<String> PATTERNS = List.of("*.jfr", "*.jfr.gz", "*.zip");

    private RecordingFiles() {
    }

    public static boolean looksLikeRecording(Path p) {
        String name = String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT);
        return name.endsWith(".jfr") || name.endsWith(".jfr.gz") || name.endsWith(".zip") || name.endsWith(".gz");
    }

    /** True when at least one of the files is one Firesight can open: what a drop must offer. */
    public static boolean anyRecording(List<Path> files) {
        return files != null && files.stream().anyMatch(RecordingFiles::looksLikeRecording);
    }
}
