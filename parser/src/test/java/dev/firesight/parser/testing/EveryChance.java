package dev.firesight.parser.testing;

import dev.firesight.parser.PartialProfiles;
import dev.firesight.parser.Profile;

import java.util.ArrayList;
import java.util.List;

/** Asks for a partial profile at every chance the reader has, the most any window could ask for. */
public final class EveryChance implements PartialProfiles {
    /** The partial profiles handed out, in order. */
    public final List<Profile> partials = new ArrayList<>();
    /** Bytes read and total bytes at each partial profile. */
    public final List<long[]> read = new ArrayList<>();

    @Override
    public boolean wanted() {
        return true;
    }

    @Override
    public void partial(Profile partial, long bytesRead, long totalBytes) {
        partials.add(partial);
        read.add(new long[] {bytesRead, totalBytes});
    }
}
