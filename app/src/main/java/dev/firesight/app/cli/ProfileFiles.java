package dev.firesight.app.cli;

import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingException;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.Warning;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Opens a recording for a command, loading what {@link LoadArguments} asks for, and reports a partial read
 * on stderr: one warning line per kind of damage, with how often it occurred.
 */
final class ProfileFiles {
    private ProfileFiles() {
    }

    static Profile open(String file, PrintStream err, LoadArguments load) throws RecordingException {
        Profile profile;
        try {
            profile = Recordings.open(Path.of(file), load.options());
        } catch (RecordingException e) {
            throw e.tooLarge() ? load.tooLarge(e) : e;
        }
        for (String warning : grouped(profile.warnings())) {
            err.println("firesight: warning: " + warning);
        }
        return profile;
    }

    /**
     * One line per kind of warning (chunk 3 and chunk 7 cut off are one kind), shown by its first with a count
     * of the others, so a file damaged in a thousand places does not bury the terminal.
     */
    static List<String> grouped(List<Warning> warnings) {
        Map<Warning.Kind, List<Warning>> kinds = new LinkedHashMap<>();
        for (Warning warning : warnings) {
            kinds.computeIfAbsent(warning.kind(), k -> new ArrayList<>()).add(warning);
        }
        List<String> lines = new ArrayList<>();
        for (List<Warning> same : kinds.values()) {
            int more = same.size() - 1;
            lines.add(same.get(0).text() + (more == 0 ? "" : " (and " + more + " more like it)"));
        }
        return lines;
    }
}
