package dev.firesight.storage;

/**
 * A bucket and a key prefix, written {@code s3://BUCKET/PREFIX/}: every object whose key starts with the
 * prefix (in any "subfolder" below it) belongs to the one recording it names.
 *
 * @param bucket the bucket's name
 * @param prefix the key prefix, empty for the whole bucket
 */
public record S3Location(String bucket, String prefix) {
    public static final String SCHEME = "s3://";

    /** True when the text names object storage rather than a local file. */
    public static boolean isLocation(String text) {
        return text != null && text.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /** Parses {@code s3://BUCKET/PREFIX/}; the prefix may be empty. */
    public static S3Location parse(String text) throws StorageException {
        if (!isLocation(text)) {
            throw new StorageException("'" + text + "' is not an object storage location; write it as"
                    + " s3://BUCKET/PREFIX/.");
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1);
        // The bucket naming rules of S3 (3 to 63 lower-case letters, digits, dots and hyphens); stores that
        // allow more (MinIO allows upper case for old buckets) still fit within this apart from case.
        if (!bucket.matches("[A-Za-z0-9][A-Za-z0-9._-]{1,62}")) {
            throw new StorageException("'" + bucket + "' is not a bucket name; in s3://BUCKET/PREFIX/ the bucket"
                    + " has 3 to 63 letters, digits, dots or hyphens.");
        }
        return new S3Location(bucket, prefix);
    }

    /** The key without this location's prefix: how an object is labelled within the recording. */
    public String relative(String key) {
        return key.startsWith(prefix) ? key.substring(prefix.length()) : key;
    }

    /** A short name for the recording: the prefix's last segment, or the bucket. */
    public String displayName() {
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return trimmed.isEmpty() ? bucket : trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    @Override
    public String toString() {
        return SCHEME + bucket + "/" + prefix;
    }
}
