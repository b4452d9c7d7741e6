package dev.firesight.parser;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where credentials hide inside values, and what stays readable around them. */
class CredentialsTest {
    @Test
    void urlUserInfoOfAnyScheme() {
        assertEquals("postgres://[redacted]@h/db", Credentials.redact("postgres://u:PASSWORD@h/db"));
        assertEquals("jdbc:postgresql://[redacted]@h/db", Credentials.redact("jdbc:postgresql://u:PASSWORD@h/db"));
        assertEquals("a=amqps://[redacted]@mq:5671/vh b=redis://[redacted]@cache:6379",
                Credentials.redact("a=amqps://guest:guest@mq:5671/vh b=redis://:pw@cache:6379"));
        assertEquals("https://example.com/path?q=1", Credentials.redact("https://example.com/path?q=1"));
        assertEquals("mailto:someone@example.com", Credentials.redact("mailto:someone@example.com"));
    }

    @Test
    void passwordAndTokenPairs() {
        assertEquals("--db.password=[redacted] --port=80", Credentials.redact("--db.password=hunter2 --port=80"));
        assertEquals("https://api/x?token=[redacted]&page=2", Credentials.redact("https://api/x?token=abc123&page=2"));
        assertEquals("host=db;Password=[redacted];User Id=sa", Credentials.redact("host=db;Password=S3cr3t!;User Id=sa"));
        assertEquals("client_secret: [redacted]", Credentials.redact("client_secret: 'x y z'"));
        assertEquals("PATH=/usr/bin:/bin", Credentials.redact("PATH=/usr/bin:/bin"));
    }

    @Test
    void bearerTokensAndKnownKeyFormats() {
        assertEquals("Authorization: Bearer [redacted]", Credentials.redact("Authorization: Bearer eyJhbGciOi.J9.sig"));
        assertEquals("key [redacted] used", Credentials.redact("key AKIAIOSFODNN7EXAMPLE used"));
        assertEquals("t=[redacted]", Credentials.redact("t=ghp_" + "a".repeat(36)));
        assertEquals("-----BEGIN RSA PRIVATE KEY-----[redacted]-----END RSA PRIVATE KEY-----",
                Credentials.redact("-----BEGIN RSA PRIVATE KEY-----\nMIIEow\nIBAAK\n-----END RSA PRIVATE KEY-----"));
        assertEquals("-----BEGIN PRIVATE KEY-----[redacted]", Credentials.redact("-----BEGIN PRIVATE KEY-----\nMIIcut"));
    }

    @Test
    void theMaskIsByCharacter() {
        assertEquals("{11, 12, 13, 14, 15, 16, 17, 18, 19, 20}", Credentials.find("postgres://u:PASSWORD@h").toString());
        assertEquals("{}", Credentials.find("nothing to see").toString());
    }
}
