package dev.firesight.app.cli;

import dev.firesight.parser.LoadOptions;
import dev.firesight.parser.Profile;
import dev.firesight.parser.RecordingException;
import dev.firesight.parser.Recordings;
import dev.firesight.parser.Warning;

import dev.firesight.storage.ObjectCache;
import dev.firesight.storage.ObjectRecordings;
import dev.firesight.storage.ObjectStore;
import dev.firesight.storage.S3Location;
import dev.firesight.storage.StorageException;
import dev.firesight.storage.StoreSettings;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

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
            if (S3Location.isLocation(file)) {
                profile = openStored(file, err, load);
            } else {
                profile = Recordings.open(Path.of(file), load.options());
            }
        } catch (RecordingException e) {
            throw e.tooLarge() ? load.tooLarge(e) : e;
        }
        for (String warning : Warning.grouped(profile.warnings())) {
            err.println("firesight: warning: " + warning);
        }
        return profile;
    }

    /**
     * {@code s3://BUCKET/PREFIX/}: the objects that {@code --from}/{@code --to} need (counted from the
     * earliest recording under the prefix) are downloaded into the cache, then read as a folder. The store is
     * configured by the environment (AWS_* variables and ~/.aws), see {@link StoreSettings#fromEnvironment}.
     */
    private static Profile openStored(String location, PrintStream err, LoadArguments load)
            throws RecordingException {
        try (ObjectStore store = ObjectStore.open(StoreSettings.fromEnvironment(System.getenv()))) {
            ObjectRecordings recordings = new ObjectRecordings(store, ObjectCache.standard());
            String[] shown = {""};
            ObjectRecordings.Progress progress = (step, done, total) -> {
                if (step.startsWith("Downloading ") && !step.equals(shown[0])) {
                    shown[0] = step;
                    err.println("firesight: " + step);
                }
            };
            ObjectRecordings.Listing listing = recordings.list(S3Location.parse(location), progress, () -> false);
            ObjectRecordings.Fetched fetched = recordings.fetch(listing, load.timeWindow(), progress, () -> false);
            for (String note : fetched.notes()) {
                err.println("firesight: note: " + note);
            }
            LoadOptions options = load.options();
            return Recordings.open(fetched.folder(), fetched.window() == null ? options
                    : options.withTimeWindow(fetched.timeWindow()));
        } catch (StorageException e) {
            throw new RecordingException(e.getMessage(), e);
        }
    }
}
