package dev.syncdoctor.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The files of a knowledge base, read once: relative name to bytes, in a stable order. Comes from a
 * folder ({@code --rules DIR}) or from the copy bundled in the program.
 */
public final class RuleFiles {
    /** Where the build puts the bundled copy of {@code rules/}. */
    public static final String BUNDLED = "syncdoctor/rules";

    private final String origin;
    private final Map<String, byte[]> files;
    /** {@link #contentHash()}, computed at its first use. */
    private volatile String contentHash;

    private RuleFiles(String origin, Map<String, byte[]> files) {
        this.origin = origin;
        // A table saved by Excel where ',' is the decimal mark separates cells with ';': read it as Drools reads CSV.
        files.replaceAll((name, content) -> name.toLowerCase(Locale.ROOT).endsWith(".drl.csv") ? TableRows.commaSeparated(content) : content);
        this.files = Collections.unmodifiableMap(files);
    }

    /**
     * SHA-256 (hex) over every file's name and bytes, in name order: what the rules say, nothing of where
     * or when they were read. Computed once; the hash outputs name ({@link RulesInUse}) and the cache key
     * both derive from it.
     */
    public String contentHash() {
        String hash = contentHash;
        if (hash == null) {
            var sha = CacheKey.sha256();
            for (Map.Entry<String, byte[]> f : new java.util.TreeMap<>(files).entrySet()) {
                sha.update(f.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.getValue());
                sha.update((byte) 0);
            }
            hash = java.util.HexFormat.of().formatHex(sha.digest());
            contentHash = hash;
        }
        return hash;
    }

    /** Every regular file under {@code dir}, names relative to it with '/' separators, sorted. */
    public static RuleFiles fromDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir + ": rules folder not found");
        }
        return new RuleFiles(dir.toString(), readTree(dir));
    }

    /**
     * Rule files already read elsewhere (shipped to another machine by a distributed job), named and
     * ordered as {@link #fromDirectory} names them.
     */
    public static RuleFiles of(String origin, Map<String, byte[]> files) {
        return new RuleFiles(origin, new LinkedHashMap<>(files));
    }

    /** The knowledge base bundled in the program (a copy of {@code rules/} at build time). */
    public static RuleFiles bundled() throws IOException {
        URL url = RuleFiles.class.getClassLoader().getResource(BUNDLED);
        if (url == null) {
            throw new IOException("no bundled rules in this build");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                }
                return new RuleFiles("(bundled)", readTree(fs.getPath("/" + BUNDLED)));
            }
            return new RuleFiles("(bundled)", readTree(Path.of(uri)));
        } catch (URISyntaxException e) {
            throw new IOException("bundled rules: " + e.getMessage(), e);
        }
    }

    private static Map<String, byte[]> readTree(Path dir) throws IOException {
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(paths::add);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        List<String> names = new ArrayList<>();
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path p : paths) {
            String rel = dir.relativize(p).toString().replace('\\', '/');
            names.add(rel);
            byName.put(rel, p);
        }
        Collections.sort(names);
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, Files.readAllBytes(byName.get(name)));
        }
        return out;
    }

    public String origin() {
        return origin;
    }

    public Map<String, byte[]> files() {
        return files;
    }

    /** Files Drools compiles: DRL and decision tables with the {@code .drl.} infix. */
    public static boolean isRuleFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".drl") || n.endsWith(".drl.csv") || n.endsWith(".drl.xls") || n.endsWith(".drl.xlsx");
    }

    /** A spreadsheet Drools would skip because it lacks the {@code .drl.} infix. */
    public static boolean isSkippedSpreadsheet(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        boolean sheet = n.endsWith(".csv") || n.endsWith(".xls") || n.endsWith(".xlsx");
        return sheet && !isRuleFile(name);
    }
}
