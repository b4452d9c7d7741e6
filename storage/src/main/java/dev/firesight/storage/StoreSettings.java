package dev.firesight.storage;

import java.util.Map;

/**
 * How to reach a store. Every field left empty falls back to the AWS SDK's own default chains: credentials
 * from {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN}, {@code AWS_PROFILE}
 * and {@code ~/.aws/credentials}; the region from {@code AWS_REGION} and {@code ~/.aws/config}.
 *
 * @param endpoint    an S3-compatible store's address (MinIO, Ceph, ...), or null for AWS itself
 * @param region      the region, or null for the SDK's chain
 * @param profile     the named profile in ~/.aws/config and credentials, or null for AWS_PROFILE / default
 * @param pathStyle   address buckets as {@code endpoint/bucket/key} rather than {@code bucket.endpoint/key},
 *                    as most S3-compatible stores need
 * @param accessKeyId an access key typed in by the user, or null for the chain
 * @param secret      its secret; held in memory only, never written anywhere
 */
public record StoreSettings(String endpoint, String region, String profile, boolean pathStyle, String accessKeyId,
                            String secret) {
    /** The environment variable naming an S3-compatible endpoint (the SDK's own name for it). */
    public static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL";
    /** Set to {@code true} or {@code false} to choose path-style addressing; the default follows the endpoint. */
    public static final String PATH_STYLE_VARIABLE = "FIRESIGHT_S3_PATH_STYLE";

    public StoreSettings {
        endpoint = blankToNull(endpoint);
        region = blankToNull(region);
        profile = blankToNull(profile);
        accessKeyId = blankToNull(accessKeyId);
        secret = secret == null || secret.isEmpty() ? null : secret;
    }

    /**
     * The settings the environment gives: {@code AWS_ENDPOINT_URL} and path-style addressing whenever an
     * endpoint is set (unless {@code FIRESIGHT_S3_PATH_STYLE=false}); the rest is left to the SDK's chains.
     */
    public static StoreSettings fromEnvironment(Map<String, String> env) {
        String endpoint = env.get(ENDPOINT_VARIABLE);
        String pathStyle = env.get(PATH_STYLE_VARIABLE);
        boolean path = pathStyle != null ? Boolean.parseBoolean(pathStyle.trim()) : blankToNull(endpoint) != null;
        return new StoreSettings(endpoint, null, null, path, null, null);
    }

    /** Where requests go, for sentences: the endpoint, or "AWS S3". */
    String where() {
        return endpoint != null ? endpoint : "AWS S3";
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "StoreSettings[endpoint=" + endpoint + ", region=" + region + ", profile=" + profile + ", pathStyle="
                + pathStyle + ", accessKeyId=" + accessKeyId + ", secret=" + (secret == null ? "none" : "given") + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
