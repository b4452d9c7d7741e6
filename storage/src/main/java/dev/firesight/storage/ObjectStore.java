package dev.firesight.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The one place Firesight talks to object storage, through the AWS SDK for Java v2: lists a prefix, reads a
 * few bytes of an object, streams an object to a file. Every failure becomes a {@link StorageException}
 * sentence ({@link StoreErrors}). Requests time out and are retried with backoff by the SDK; a body that
 * stalls mid-download resumes from the bytes already received, a few times, before it fails.
 */
public final class ObjectStore implements AutoCloseable {
    /** A connection that does not open in this time is refused. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** A transfer that receives nothing for this long is stalled. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** Attempts at a download body before the stall is reported. */
    static final int BODY_ATTEMPTS = 3;
    private static final int BUFFER = 1 << 16;

    static {
        // The SDK logs through SLF4J. Firesight shows errors as sentences and has no logging back end, for
        // which SLF4J would print a warning on every CLI run; the no-operation provider keeps stderr clean.
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
        }
    }

    private final S3Client client;
    private final StoreErrors errors;

    private ObjectStore(S3Client client, StoreErrors errors) {
        this.client = client;
        this.errors = errors;
    }

    /** Connects lazily: the first request finds out whether the settings work. */
    public static ObjectStore open(StoreSettings settings) throws StorageException {
        return open(settings, CONNECT_TIMEOUT, READ_TIMEOUT);
    }

    static ObjectStore open(StoreSettings settings, Duration connect, Duration read) throws StorageException {
        StoreErrors errors = new StoreErrors(settings, read);
        AwsCredentialsProvider credentials = credentials(settings);
        try {
            errors.keyId(credentials.resolveCredentials().accessKeyId());
        } catch (SdkException e) {
            throw errors.noCredentials(e);
        }
        S3ClientBuilder builder = S3Client.builder()
                .credentialsProvider(credentials)
                .region(region(settings))
                .forcePathStyle(settings.pathStyle())
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(connect).socketTimeout(read).build())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD)
                        .apiCallAttemptTimeout(read.plus(connect)));
        if (settings.endpoint() != null) {
            try {
                builder.endpointOverride(URI.create(settings.endpoint()));
                // Flexible checksums (x-amz-checksum-mode) are AWS's own; S3-compatible stores such as
                // s3proxy and older MinIO and Ceph refuse requests that ask for them (501 NotImplemented).
                builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
            } catch (IllegalArgumentException e) {
                throw new StorageException("'" + settings.endpoint() + "' is not an endpoint address; write it"
                        + " as http://host:port or https://host.", e);
            }
        }
        try {
            return new ObjectStore(builder.build(), errors);
        } catch (SdkException | IllegalArgumentException e) {
            throw errors.sentence(e, null);
        }
    }

    private static AwsCredentialsProvider credentials(StoreSettings settings) {
        if (settings.accessKeyId() != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId(),
                    settings.secret() == null ? "" : settings.secret()));
        }
        if (settings.profile() != null) {
            return ProfileCredentialsProvider.create(settings.profile());
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /**
     * The region from the settings or the SDK's chain; an S3-compatible store that names none gets
     * us-east-1, which such stores accept whatever they call themselves.
     */
    private static Region region(StoreSettings settings) throws StorageException {
        if (settings.region() != null) {
            return Region.of(settings.region());
        }
        try {
            DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
            if (settings.profile() != null) {
                chain.profileName(settings.profile());
            }
            return chain.build().getRegion();
        } catch (SdkException e) {
            if (settings.endpoint() != null) {
                return Region.US_EAST_1;
            }
            throw new StorageException("No AWS region is set: set AWS_REGION (for example AWS_REGION=eu-west-1),"
                    + " add region to your profile in ~/.aws/config, or enter one.", e);
        }
    }

    /** Every object under the location, in key order. */
    public List<StoredObject> list(S3Location location) throws StorageException {
        try {
            List<StoredObject> objects = new ArrayList<>();
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(location.bucket())
                    .prefix(location.prefix()).build();
            for (S3Object o : client.listObjectsV2Paginator(request).contents()) {
                if (!o.key().endsWith("/")) { // "folder" marker objects some consoles create
                    objects.add(new StoredObject(o.key(), o.size(), o.lastModified(), unquote(o.eTag())));
                }
            }
            return objects;
        } catch (SdkException e) {
            throw errors.sentence(e, location);
        }
    }

    /** Up to {@code length} bytes of the object from {@code offset} (fewer at its end). */
    byte[] range(S3Location location, StoredObject object, long offset, int length) throws StorageException {
        GetObjectRequest request = get(location, object).range("bytes=" + offset + "-" + (offset + length - 1))
                .build();
        try (ResponseInputStream<GetObjectResponse> in = client.getObject(request)) {
            return in.readNBytes(length);
        } catch (SdkException e) {
            throw errors.sentence(e, location);
        } catch (IOException e) {
            throw errors.stalled(object, e);
        }
    }

    /**
     * Streams the object into {@code out}, reporting bytes as they arrive; when the body stalls it resumes
     * from where it stopped (the version pinned by ETag), and fails with a sentence after
     * {@value #BODY_ATTEMPTS} stalls.
     */
    void download(S3Location location, StoredObject object, OutputStream out, LongConsumer received,
                  BooleanSupplier cancelled) throws StorageException {
        long done = 0;
        IOException last = null;
        for (int attempt = 0; attempt < BODY_ATTEMPTS && done < object.size(); attempt++) {
            if (attempt > 0) {
                pause(attempt);
            }
            GetObjectRequest.Builder request = get(location, object);
            if (done > 0) {
                request.range("bytes=" + done + "-");
            }
            try (ResponseInputStream<GetObjectResponse> in = client.getObject(request.build())) {
                done += copy(in, out, received, cancelled);
                last = null;
            } catch (SdkException e) {
                throw errors.sentence(e, location);
            } catch (PartialCopy e) {
                done += e.copied;
                last = e;
            } catch (IOException e) {
                last = e;
            }
        }
        if (last != null || done < object.size()) {
            throw errors.stalled(object, last);
        }
    }

    private GetObjectRequest.Builder get(S3Location location, StoredObject object) {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(location.bucket()).key(object.key());
        if (object.eTag() != null && !object.eTag().isBlank()) {
            request.ifMatch("\"" + object.eTag() + "\"");
        }
        return request;
    }

    /** Copies until the end of the body; the bytes copied count even when the copy then fails. */
    private static long copy(InputStream in, OutputStream out, LongConsumer received, BooleanSupplier cancelled)
            throws IOException {
        byte[] buffer = new byte[BUFFER];
        long copied = 0;
        int n;
        try {
            while ((n = in.read(buffer)) > 0) {
                if (cancelled.getAsBoolean()) {
                    throw new java.util.concurrent.CancellationException();
                }
                out.write(buffer, 0, n);
                copied += n;
                received.accept(n);
            }
            return copied;
        } catch (IOException e) {
            throw new PartialCopy(copied, e);
        }
    }

    /** A stalled body after some bytes arrived: the next attempt resumes past them. */
    private static final class PartialCopy extends IOException {
        private static final long serialVersionUID = 1L;
        final long copied;

        PartialCopy(long copied, IOException cause) {
            super(cause.getMessage(), cause);
            this.copied = copied;
        }
    }

    /** Exponential backoff between body attempts: 0.5 s, 1 s, 2 s. */
    private static void pause(int attempt) throws StorageException {
        try {
            Thread.sleep(250L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("The download was interrupted.", e);
        }
    }

    private static String unquote(String eTag) {
        return eTag == null ? null : eTag.replace("\"", "");
    }

    @Override
    public void close() {
        client.close();
    }
}
