package dev.firesight.parser;

/**
 * Receives partial profiles while a recording loads, so a window can draw what has been read before reading
 * ends. A partial profile is a true subset of the complete one: its samples are samples of the complete
 * profile, with the same stacks and frames, and no stack weighs more in it than in the complete one. The
 * profile the load returns is always the complete one, exactly as a load without partial profiles gives it.
 *
 * <p>Both methods are called on the loading thread. Making a partial profile costs the load time (it copies
 * what has been read so far), so the loader makes one only when {@link #wanted()} says so: a consumer keeps
 * at most one in flight and asks again only once it has shown the last.
 */
public interface PartialProfiles {
    /** True when a partial profile is wanted now; asked every few thousand events, so it must be cheap. */
    boolean wanted();

    /**
     * A partial profile of what has been read so far.
     *
     * @param bytesRead  bytes of the recording read so far
     * @param totalBytes the recording's size in bytes
     */
    void partial(Profile partial, long bytesRead, long totalBytes);
}
