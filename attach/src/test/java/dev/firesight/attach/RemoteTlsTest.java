package dev.firesight.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * JMX over TLS with a real certificate, as a pod's JVM would serve it: a key pair made by the JDK's keytool
 * for 127.0.0.1, an agent with {@code jmxremote.ssl} and {@code registry.ssl} on, and clients in their own
 * JVMs that do or do not trust the certificate, or forget to tick TLS.
 */
@Timeout(300) // a hang guard only
class RemoteTlsTest {
    private static final String STORE_PASSWORD = "changeit-test";

    @TempDir
    Path dir;

    @Test
    void recordsOverTlsWhenTheCertificateIsTrustedAndSaysWhatIsWrongOtherwise() throws Exception {
        Path serverStore = dir.resolve("server.p12");
        Path certificate = dir.resolve("server.crt");
        Path trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "jmx", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", serverStore.toString(),
                "-storepass", STORE_PASSWORD);
        keytool("-exportcert", "-alias", "jmx", "-keystore", serverStore.toString(), "-storepass", STORE_PASSWORD,
                "-rfc", "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "jmx", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", STORE_PASSWORD);

        int port = JmxChildren.freePort();
        String address = "127.0.0.1:" + port;
        try (ChildJvm target = JmxChildren.withoutAuthentication(port, "-XX:StartFlightRecording:name=boot",
                "-Dcom.sun.management.jmxremote.ssl=true",
                "-Dcom.sun.management.jmxremote.registry.ssl=true",
                "-Djavax.net.ssl.keyStore=" + serverStore,
                "-Djavax.net.ssl.keyStorePassword=" + STORE_PASSWORD)) {
            String trusted = client(address, true, "-Djavax.net.ssl.trustStore=" + trustStore,
                    "-Djavax.net.ssl.trustStorePassword=" + STORE_PASSWORD);
            assertTrue(trusted.startsWith("RECORDED "), trusted);
            assertTrue(Long.parseLong(trusted.substring("RECORDED ".length())) > 0, "CPU samples downloaded over TLS: " + trusted);

            assertEquals("FAILED TLS The TLS certificate of " + address + " is not trusted here; add it to a trust store"
                    + " and start Firesight with -Djavax.net.ssl.trustStore=FILE.", client(address, true));

            String unticked = client(address, false, "-Djavax.net.ssl.trustStore=" + trustStore,
                    "-Djavax.net.ssl.trustStorePassword=" + STORE_PASSWORD);
            assertTrue(unticked.startsWith("FAILED ") && unticked.contains("tick TLS"), unticked);
        }
    }

    private void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.JDK17.resolve("bin/keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool " + args[0] + ": " + output);
    }

    /** Runs {@link TlsClient} in a JVM of its own with {@code options}; returns what it wrote. */
    private String client(String address, boolean tls, String... options) throws IOException, InterruptedException {
        Path out = Files.createTempFile(dir, "client", ".txt");
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.JDK17.resolve("bin/java").toString());
        command.add("-Xmx256m");
        command.addAll(List.of(options));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TlsClient.class.getName());
        command.addAll(List.of(address, Boolean.toString(tls), out.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("client.log").toFile())
                .start();
        try {
            assertTrue(p.waitFor(240, TimeUnit.SECONDS), "the client JVM hung");
        } finally {
            p.destroyForcibly();
        }
        String result = Files.readString(out).strip();
        assertTrue(!result.isEmpty(), () -> "the client wrote nothing: " + log());
        return result;
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("client.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
