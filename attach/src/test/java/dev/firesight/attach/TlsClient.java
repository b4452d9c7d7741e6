package dev.firesight.attach;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A JMX client in a JVM of its own, because which certificates a JVM trusts is set for the whole JVM
 * ({@code -Djavax.net.ssl.trustStore}), as a user starts Firesight. Arguments: {@code HOST:PORT tls outFile}.
 * Connects, lists the recordings, downloads the one named "boot" and writes "RECORDED n" (n execution
 * samples in it, read by the JDK's parser) or "FAILED kind sentence" into the out file.
 */
public final class TlsClient {
    private TlsClient() {
    }

    public static void main(String[] args) throws Exception {
        JmxAddress address = JmxAddress.parse(args[0]);
        Path out = Path.of(args[2]);
        String result;
        try (RemoteJvm jvm = RemoteJvm.connect(JmxTarget.of(address, null, null, Boolean.parseBoolean(args[1])),
                Duration.ofSeconds(60), new RecordingsFolder(out.resolveSibling(out.getFileName() + "-recordings")))) {
            RemoteRecording boot = jvm.recordings().stream().filter(r -> r.name().equals("boot")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no boot recording listed"));
            Thread.sleep(1500);
            Path file = jvm.download(boot.id(), Optional.empty());
            result = "RECORDED " + RecordingFacts.read(file).count("jdk.ExecutionSample");
        } catch (RemoteJvmException e) {
            result = "FAILED " + e.kind() + " " + e.getMessage();
        } catch (AttachException | RuntimeException e) {
            result = "FAILED " + e;
        }
        Files.writeString(out, result);
        System.exit(0);
    }
}
