package dev.firesight.storage;

import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/**
 * Turns what the SDK throws into the sentences a user reads: no credentials, a wrong secret, access denied,
 * no such bucket, an endpoint that cannot be reached, a stalled transfer. The SDK's own messages name
 * headers and request ids; these name the setting to change.
 */
final class StoreErrors {
    private final StoreSettings settings;
    /** The access key in use once the credentials are resolved, for naming it in sentences. */
    private String keyId;

    /** How long a request may receive nothing: what a stall waited for. */
    private final java.time.Duration readTimeout;

    StoreErrors(StoreSettings settings, java.time.Duration readTimeout) {
        this.settings = settings;
        this.readTimeout = readTimeout;
        this.keyId = settings.accessKeyId();
    }

    void keyId(String id) {
        this.keyId = id;
    }

    StorageException noCredentials(Exception cause) {
        String profile = settings.profile() != null ? "the profile '" + settings.profile() + "' has no access key"
                + " in ~/.aws/credentials" : "none were found";
        return new StorageException("No credentials for object storage: " + profile + ". Set AWS_ACCESS_KEY_ID"
                + " and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE with a profile in ~/.aws/credentials, or enter an"
                + " access key.", cause);
    }

    StorageException stalled(StoredObject object, IOException cause) {
        return new StorageException("The download of " + object.key() + " from " + settings.where()
                + " stalled: no data arrived for " + seconds() + ", "
                + ObjectStore.BODY_ATTEMPTS + " times. Check the network and try again.", cause);
    }

    /** The sentence for a failed request on {@code location} (null when there was none yet). */
    StorageException sentence(Exception e, S3Location location) {
        String bucket = location == null ? "the bucket" : "the bucket '" + location.bucket() + "'";
        if (e instanceof S3Exception s3) {
            String code = s3.awsErrorDetails() == null ? "" : String.valueOf(s3.awsErrorDetails().errorCode());
            switch (code) {
                case "SignatureDoesNotMatch":
                    return new StorageException("The secret access key is wrong for access key " + keyId()
                            + " at " + settings.where() + ": check AWS_SECRET_ACCESS_KEY (or the secret entered).", e);
                case "InvalidAccessKeyId":
                    return new StorageException(settings.where() + " does not know the access key " + keyId()
                            + ": check AWS_ACCESS_KEY_ID, AWS_PROFILE or the key entered.", e);
                case "NoSuchBucket":
                    return new StorageException("There is no bucket '" + (location == null ? "?" : location.bucket())
                            + "' at " + settings.where() + ": check the bucket's name.", e);
                case "AccessDenied":
                    return new StorageException("Access denied to " + (location == null ? bucket : location)
                            + ": these credentials may not list or read it (they need s3:ListBucket and"
                            + " s3:GetObject).", e);
                case "PermanentRedirect":
                case "AuthorizationHeaderMalformed":
                    return new StorageException(bucket.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                            + bucket.substring(1) + " is in another region than "
                            + (settings.region() == null ? "the one set" : settings.region())
                            + ": set AWS_REGION to the bucket's region.", e);
                case "PreconditionFailed":
                    return new StorageException("An object under " + location + " changed while it was read;"
                            + " open it again.", e);
                default:
                    if (s3.statusCode() == 403) {
                        return new StorageException("Access denied to " + (location == null ? bucket : location)
                                + " (" + code + ").", e);
                    }
                    return new StorageException(settings.where() + " answered " + s3.statusCode()
                            + (code.isEmpty() || "null".equals(code) ? "" : " " + code) + " for " + location + ".", e);
            }
        }
        if (e instanceof ApiCallAttemptTimeoutException || e instanceof ApiCallTimeoutException
                || causedBy(e, SocketTimeoutException.class)) {
            return new StorageException(settings.where() + " did not answer within "
                    + seconds() + ", after several attempts: the store is"
                    + " overloaded or the network is stalled.", e);
        }
        if (causedBy(e, UnknownHostException.class)) {
            return new StorageException("Cannot reach " + settings.where() + ": its host name is unknown. Check"
                    + " AWS_ENDPOINT_URL (or the endpoint entered) and the network.", e);
        }
        if (causedBy(e, ConnectException.class) || causedBy(e, NoRouteToHostException.class)) {
            return new StorageException("Cannot reach " + settings.where() + ": the connection was refused."
                    + " Check that the store is running and AWS_ENDPOINT_URL (or the endpoint entered) is right.", e);
        }
        if (e instanceof SdkException && String.valueOf(e.getMessage()).contains("credentials")) {
            return noCredentials(e);
        }
        return new StorageException("Object storage at " + settings.where() + " failed: "
                + firstLine(e.getMessage()) + ".", e);
    }

    private String seconds() {
        long n = readTimeout.toSeconds();
        return n + (n == 1 ? " second" : " seconds");
    }

    private String keyId() {
        return keyId != null ? keyId : "(from the environment or profile)";
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> kind) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (kind.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String line = message.lines().findFirst().orElse("").trim();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
