package dev.firesight.parser.jfr;

import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingException;
import dev.firesight.parser.Recordings;

import java.nio.file.Path;

/** Main class for a child JVM: opens one recording and prints "ok" and its warnings, or the error's sentence. */
public final class ExpandInChild {
    private ExpandInChild() {
    }

    public static void main(String[] args) {
        try {
            Profile profile = Recordings.open(Path.of(args[0]));
            System.out.println("ok " + profile.warnings());
        } catch (RecordingException e) {
            System.out.println("error " + e.getMessage());
        }
    }
}
