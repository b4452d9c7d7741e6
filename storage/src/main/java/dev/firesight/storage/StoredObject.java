package dev.firesight.storage;

import java.time.Instant;

/**
 * One object under a prefix, as the listing describes it.
 *
 * @param key          the full key
 * @param size         bytes
 * @param lastModified when the store last received it: never before the recording in it ended
 * @param eTag         the store's version tag (quotes removed); the cache is keyed by it
 */
public record StoredObject(String key, long size, Instant lastModified, String eTag) {
    /** The cache's name for this version of the object. */
    String cacheName() {
        String tag = eTag == null || eTag.isBlank() ? "untagged-" + lastModified.toEpochMilli() : eTag;
        return tag.replaceAll("[^A-Za-z0-9-]", "_") + "-" + size;
    }
}
