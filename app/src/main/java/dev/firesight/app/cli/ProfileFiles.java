package dev.firesight.app.cli;

import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingException;
import dev.firesight.parser.Recordings;

import java.io.PrintStream;
import java.nio.file.Path;

/** Opens a recording for a command and reports a partial read as warnings on stderr. */
final class ProfileFiles {
    private ProfileFiles() {
    }

    static Profile open(String file, PrintStream err) throws RecordingException {
        Profile profile = Recordings.open(Path.of(file));
        for (String warning : profile.warnings()) {
            err.println("firesight: warning: " + warning);
        }
        return profile;
    }
}
