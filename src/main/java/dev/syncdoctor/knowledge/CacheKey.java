package dev.syncdoctor.knowledge;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The name of a cache entry: a SHA-256 of the rules' content hash (every file's name and bytes) and of what
 * else the compiled classes depend on (entry format, program version and build, Drools and Java
 * versions). Any change gives another key, so a stale entry is never used.
 */
final class CacheKey {
    private static volatile String environment;

    private CacheKey() {
    }

    /** SHA-256 (hex) of the rules' content ({@link RuleFiles#contentHash()}) and of the environment. */
    static String of(RuleFiles files) {
        MessageDigest sha = sha256();
        update(sha, environment());
        update(sha, files.contentHash());
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(b.length).array());
        sha.update(b);
    }

    private static String environment() {
        String env = environment;
        if (env == null) {
            String program = CacheKey.class.getPackage().getImplementationVersion();
            env = "format " + CacheEntry.FORMAT
                    + "\nprogram " + (program == null || program.isBlank() ? "dev" : program)
                    + "\nbuild " + buildFingerprint()
                    + "\ndrools " + DroolsInternals.version()
                    + "\njava " + Runtime.version().feature();
            environment = env;
        }
        return env;
    }

    /**
     * The compiled classes reference the fact model: a rebuilt program (even with the same version number,
     * as in development) must not reuse classes generated against another build. Size and time of the jar,
     * or of the model classes when running from a classes folder.
     */
    static String buildFingerprint() {
        try {
            URL location = dev.syncdoctor.model.SyncCase.class.getProtectionDomain().getCodeSource().getLocation();
            Path code = Path.of(location.toURI());
            if (Files.isRegularFile(code)) {
                return Files.size(code) + "@" + Files.getLastModifiedTime(code).toMillis();
            }
            Path model = code.resolve("dev/syncdoctor/model");
            List<String> parts = new ArrayList<>();
            try (Stream<Path> list = Files.list(model)) {
                for (Path p : (Iterable<Path>) list.sorted()::iterator) {
                    parts.add(p.getFileName() + ":" + Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
                }
            }
            return String.join(",", parts);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }
}
