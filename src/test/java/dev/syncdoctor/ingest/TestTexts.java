package dev.syncdoctor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

final class TestTexts {
    private TestTexts() {
    }

    /** A test resource under ingest/, exactly as stored. */
    static String resource(String name) {
        try (InputStream in = TestTexts.class.getResourceAsStream("/ingest/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String crlf(String s) {
        return s.replace("\r\n", "\n").replace("\n", "\r\n");
    }
}
