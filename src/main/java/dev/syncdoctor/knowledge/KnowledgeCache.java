package dev.syncdoctor.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.KieModule;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps compiled knowledge between runs, so a new process does not recompile unchanged rules.
 *
 * <p>An entry is the executable-model module jar Drools builds from the rules (a jar of generated
 * classes that loads without compiling), with the warnings of the classic compile, in one file named
 * after a SHA-256 of: every file of the rules folder (name and bytes), the program version and build,
 * the Drools version and the Java version. Any change gives another key, so a stale entry is never
 * used; old entries are pruned.
 *
 * <p>On a miss the rules are compiled the classic way first, so compile errors are reported exactly as
 * without a cache (file:line:col, tables by row) and nothing is stored; only rules that compile are
 * then built as an executable model and stored. A rule the executable model cannot build, an entry that
 * cannot be read, or a folder that cannot be written is never a failure: the knowledge is compiled as
 * usual. Entries are written to a temporary file and renamed into place, so a concurrent run sees a
 * whole entry or none; each entry ends with a digest of its content, so a damaged one is detected and
 * rebuilt. An entry is code this program runs: on Unix only one owned by the user and writable by no one
 * else is used, and a folder the cache creates is private to the user.
 */
public final class KnowledgeCache {
    private static final Logger LOG = LoggerFactory.getLogger(KnowledgeCache.class);
    /** Changes whenever the layout of an entry or what goes into the key changes. */
    static final int FORMAT = 1;
    static final String SUFFIX = ".kb";
    private static final byte[] MAGIC = "SYNCDOCTOR-KB\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_BYTES = 32;
    private static final String GROUP = "dev.syncdoctor.rules";
    private static final String RESOURCES = "src/main/resources/";
    private static final int KEEP_ENTRIES = 16;
    private static final Duration KEEP_UNUSED = Duration.ofDays(30);
    private static final Duration STALE_TEMP = Duration.ofHours(1);
    private static volatile String environment;

    /** What {@link #load} did, for logs and tests. */
    public enum Outcome {
        /** The entry was there and loaded: nothing was compiled. */
        HIT,
        /** Compiled, and the executable model stored for the next run. */
        STORED,
        /** Compiled; nothing stored (the executable model could not be built, or the folder not written). */
        COMPILED
    }

    private final Path dir;
    private volatile Outcome lastOutcome;

    public KnowledgeCache(Path dir) {
        this.dir = dir;
    }

    /** Stores started by caches in background mode; the program waits for them before it exits. */
    private static final List<Thread> PENDING = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean background;

    /**
     * On a miss, hand the compiled rules back at once and build and store the cached form on a thread
     * of its own: the first run after a rules change answers as fast as an uncached one (the build
     * takes about as long as the compile), and the store finishes while the answer is written. Call
     * {@link #awaitPendingStores()} before the process exits.
     */
    public KnowledgeCache storingInBackground() {
        this.background = true;
        return this;
    }

    /** Waits for stores started in background mode (each is atomic: an interrupted one leaves no entry). */
    public static void awaitPendingStores() {
        for (Thread t : PENDING) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Where the cache lives unless {@code --cache-dir} says otherwise: {@code $XDG_CACHE_HOME/syncdoctor},
     * else {@code ~/.cache/syncdoctor}; null when neither can be known.
     */
    public static Path defaultDirectory() {
        return defaultDirectory(System.getenv("XDG_CACHE_HOME"), System.getProperty("user.home"));
    }

    static Path defaultDirectory(String xdgCacheHome, String userHome) {
        // The XDG spec says a relative value is invalid and must be ignored.
        if (xdgCacheHome != null && !xdgCacheHome.isBlank() && Path.of(xdgCacheHome).isAbsolute()) {
            return Path.of(xdgCacheHome, "syncdoctor");
        }
        if (userHome != null && !userHome.isBlank()) {
            return Path.of(userHome, ".cache", "syncdoctor");
        }
        return null;
    }

    public Path directory() {
        return dir;
    }

    /** What the last {@link #load} of this instance did, or null before the first. */
    public Outcome lastOutcome() {
        return lastOutcome;
    }

    /** The file that holds (or would hold) the compiled form of {@code files}. */
    public Path entryFor(RuleFiles files) {
        return dir.resolve(keyOf(files) + SUFFIX);
    }

    /**
     * The knowledge base of {@code files}: reloaded from the cache when it holds them, else compiled (and
     * stored). Throws exactly what {@link KnowledgeLoader#compile(RuleFiles)} throws for rules with errors.
     */
    public KnowledgeBase load(RuleFiles files) throws RulesCompileException {
        long start = System.nanoTime();
        String key = keyOf(files);
        Path entry = dir.resolve(key + SUFFIX);
        KnowledgeBase cached = read(entry, files);
        if (cached != null) {
            lastOutcome = Outcome.HIT;
            LOG.debug("loaded {} rules from the cache {} in {} ms", cached.ruleNames().size(), entry, millisSince(start));
            return cached;
        }
        KnowledgeBase compiled = KnowledgeLoader.compile(files);
        long compiledAt = System.nanoTime();
        if (!writable()) {
            lastOutcome = Outcome.COMPILED;
            return compiled;
        }
        if (background) {
            lastOutcome = Outcome.COMPILED;
            Thread store = new Thread(() -> {
                try {
                    store(files, key, entry, compiled, compiledAt);
                } finally {
                    PENDING.remove(Thread.currentThread());
                }
            }, "rules-cache-store");
            store.setDaemon(true); // awaited explicitly by the program; never keeps a test JVM alive
            PENDING.add(store);
            store.start();
            return compiled;
        }
        store(files, key, entry, compiled, compiledAt);
        return compiled;
    }

    private void store(RuleFiles files, String key, Path entry, KnowledgeBase compiled, long compiledAt) {
        byte[] module = buildExecutableModel(files, key);
        if (module != null && write(entry, compiled.warnings(), module)) {
            lastOutcome = Outcome.STORED;
            LOG.debug("stored the compiled rules in {} ({} ms after compiling)", entry, millisSince(compiledAt));
            prune(entry);
        } else {
            lastOutcome = Outcome.COMPILED;
        }
    }

    // ---- the key

    /** SHA-256 (hex) of every file of the rules folder, in order, and of the versions that shape the compiled form. */
    static String keyOf(RuleFiles files) {
        MessageDigest sha = sha256();
        update(sha, environment());
        for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
            update(sha, f.getKey());
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(f.getValue().length).array());
            sha.update(f.getValue());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(Integer.BYTES).putInt(b.length).array());
        sha.update(b);
    }

    /** Entry format, program version and build, Drools version, Java version: what else the compiled classes depend on. */
    private static String environment() {
        String env = environment;
        if (env == null) {
            env = "format " + FORMAT
                    + "\nprogram " + orElse(KnowledgeCache.class.getPackage().getImplementationVersion(), "dev")
                    + "\nbuild " + buildFingerprint()
                    + "\ndrools " + droolsVersion()
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

    /** From the Maven metadata Drools ships (kept in a shaded jar), else the package, else unknown. */
    public static String droolsVersion() {
        try (InputStream in = KieServices.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.drools/drools-core/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                String v = p.getProperty("version");
                if (v != null) {
                    return v;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return orElse(KieBase.class.getPackage().getImplementationVersion(), "unknown");
    }

    // ---- building and reloading the executable model

    /** The executable-model module jar of {@code files}, or null (logged) when Drools cannot build it. */
    private static byte[] buildExecutableModel(RuleFiles files, String key) {
        long start = System.nanoTime();
        try {
            KieServices ks = KieServices.Factory.get();
            KieFileSystem kfs = ks.newKieFileSystem();
            kfs.generateAndWritePomXML(releaseIdOf(ks, key));
            for (Map.Entry<String, byte[]> file : files.files().entrySet()) {
                if (RuleFiles.isRuleFile(file.getKey())) {
                    kfs.write(RESOURCES + file.getKey(), file.getValue());
                }
            }
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll(org.drools.model.codegen.ExecutableModelProject.class);
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                LOG.debug("the executable model cannot build these rules, so they are not cached: {}", errors);
                return null;
            }
            KieModule module = builder.getKieModule();
            if (!(module instanceof org.drools.compiler.kie.builder.impl.InternalKieModule internal)) {
                LOG.debug("the executable model gave no module jar ({}), so the rules are not cached", module);
                return null;
            }
            byte[] bytes = internal.getBytes();
            // Store only what a later run can load: a module that does not reload would be rebuilt every run.
            ModuleJar.kieBaseOf(bytes);
            LOG.debug("built and reloaded the executable model ({} bytes) in {} ms", bytes.length, millisSince(start));
            return bytes;
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.debug("the executable model cannot build these rules, so they are not cached", e);
            return null;
        }
    }

    private static ReleaseId releaseIdOf(KieServices ks, String key) {
        // The key in the release id keeps modules of different rules apart in Drools' repository.
        return ks.newReleaseId(GROUP, "cached-" + key.substring(0, 24), "1.0.0");
    }

    /** The knowledge base stored in {@code entry}, or null when there is none or it cannot be used (logged). */
    private static KnowledgeBase read(Path entry, RuleFiles files) {
        byte[] content;
        try {
            content = Files.readAllBytes(entry);
        } catch (NoSuchFileException e) {
            LOG.debug("no cached knowledge at {}", entry);
            return null;
        } catch (IOException e) {
            LOG.debug("cannot read the cached knowledge {}: {}", entry, e.toString());
            return null;
        }
        if (!ownEntry(entry)) {
            LOG.warn("ignoring the cached knowledge {}: it belongs to another user or others can write it", entry);
            return null;
        }
        try {
            Entry stored = Entry.decode(content);
            KieBase kieBase = ModuleJar.kieBaseOf(stored.module());
            List<String> ruleFiles = new ArrayList<>();
            for (String name : files.files().keySet()) {
                if (RuleFiles.isRuleFile(name)) {
                    ruleFiles.add(name);
                }
            }
            touch(entry);
            return new KnowledgeBase(kieBase, files.origin(), ruleFiles, KnowledgeLoader.ruleNamesOf(kieBase), stored.warnings());
        } catch (IOException | ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.warn("ignoring the damaged cached knowledge {} ({}); compiling the rules", entry, e.toString());
            LOG.debug("why the cached knowledge was ignored", e);
            return null;
        }
    }

    // ---- the entry file

    /** One cache file: magic, format, warnings, module jar, and a SHA-256 of all that. */
    record Entry(List<RuleProblem> warnings, byte[] module) {

        byte[] encode() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(module.length + 1024);
            DataOutputStream out = new DataOutputStream(bytes);
            out.write(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(warnings.size());
            for (RuleProblem w : warnings) {
                writeString(out, w.file());
                out.writeInt(w.line());
                out.writeInt(w.column());
                writeString(out, w.message());
                out.writeBoolean(w.error());
            }
            out.writeInt(module.length);
            out.write(module);
            out.flush();
            byte[] body = bytes.toByteArray();
            out.write(sha256().digest(body));
            out.flush();
            return bytes.toByteArray();
        }

        static Entry decode(byte[] content) throws IOException {
            if (content.length < MAGIC.length + DIGEST_BYTES
                    || !Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
                throw new IOException("not a syncdoctor cache entry");
            }
            int bodyLength = content.length - DIGEST_BYTES;
            MessageDigest sha = sha256();
            sha.update(content, 0, bodyLength);
            if (!Arrays.equals(sha.digest(), 0, DIGEST_BYTES, content, bodyLength, content.length)) {
                throw new IOException("checksum mismatch (truncated or damaged)");
            }
            ByteBuffer in = ByteBuffer.wrap(content, MAGIC.length, bodyLength - MAGIC.length);
            try {
                int format = in.getInt();
                if (format != FORMAT) {
                    throw new IOException("entry format " + format + ", expected " + FORMAT);
                }
                int count = in.getInt();
                if (count < 0 || count > 100_000) {
                    throw new IOException("bad warning count " + count);
                }
                List<RuleProblem> warnings = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    String file = readString(in);
                    int line = in.getInt();
                    int column = in.getInt();
                    String message = readString(in);
                    boolean error = in.get() != 0;
                    warnings.add(new RuleProblem(file, line, column, message, error));
                }
                int length = in.getInt();
                if (length < 0 || length != in.remaining()) {
                    throw new IOException("bad module length " + length);
                }
                byte[] module = new byte[length];
                in.get(module);
                return new Entry(warnings, module);
            } catch (java.nio.BufferUnderflowException e) {
                throw new IOException("entry ends early", e);
            }
        }

        private static void writeString(DataOutputStream out, String s) throws IOException {
            if (s == null) {
                out.writeInt(-1);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            out.writeInt(b.length);
            out.write(b);
        }

        private static String readString(ByteBuffer in) throws IOException {
            int length = in.getInt();
            if (length == -1) {
                return null;
            }
            if (length < 0 || length > in.remaining()) {
                throw new IOException("bad string length " + length);
            }
            byte[] b = new byte[length];
            in.get(b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    /**
     * An entry holds classes this program will run: on a Unix file system, use only one written by this
     * user and writable by no one else (a folder others can write, such as {@code /tmp}, is no place for it).
     */
    static boolean ownEntry(Path entry) {
        try {
            int owner = (Integer) Files.getAttribute(entry, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) Files.getAttribute(entry, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return owner == new com.sun.security.auth.module.UnixSystem().getUid() && (mode & 0022) == 0;
        } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException | LinkageError e) {
            return true; // not a Unix file system: the folder's own permissions decide
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether entries can be stored, so no time is spent building one that cannot be (logged). */
    private boolean writable() {
        try {
            try {
                // Private to the user, as the XDG spec asks of the cache home.
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (UnsupportedOperationException e) {
                Files.createDirectories(dir);
            }
            if (Files.isWritable(dir)) {
                return true;
            }
            LOG.debug("the cache folder {} is not writable: the compiled rules are not stored", dir);
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot create the cache folder {}: {}", dir, e.toString());
        }
        return false;
    }

    /** Writes an entry atomically (temporary file, then rename); false (logged) when it cannot. */
    private boolean write(Path entry, List<RuleProblem> warnings, byte[] module) {
        Path tmp = null;
        try {
            byte[] content = new Entry(warnings, module).encode();
            tmp = Files.createTempFile(dir, entry.getFileName().toString() + ".", ".tmp");
            Files.write(tmp, content);
            try {
                Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot store the compiled rules in {}: {}", dir, e.toString());
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a leftover temporary file is pruned later
                }
            }
            return false;
        }
    }

    /** Marks an entry as used, so pruning keeps what is in use. */
    private static void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot mark {} as used: {}", entry, e.toString());
        }
    }

    /** Removes entries unused for a month or beyond the newest few, and temporary files a crashed run left. */
    private void prune(Path keep) {
        Instant now = Instant.now();
        Map<Path, Instant> entries = new java.util.HashMap<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
            for (Path p : list) {
                String name = p.getFileName().toString();
                if (name.endsWith(".tmp") && modified(p).isBefore(now.minus(STALE_TEMP))) {
                    Files.deleteIfExists(p);
                } else if (name.endsWith(SUFFIX) && !p.equals(keep)) {
                    entries.put(p, modified(p));
                }
            }
            // Newest first, on times read once: another run may touch or remove entries meanwhile.
            List<Path> byAge = new ArrayList<>(entries.keySet());
            byAge.sort(Comparator.comparing((Path p) -> entries.get(p)).reversed());
            for (int i = 0; i < byAge.size(); i++) {
                Path p = byAge.get(i);
                if (i >= KEEP_ENTRIES - 1 || entries.get(p).isBefore(now.minus(KEEP_UNUSED))) {
                    Files.deleteIfExists(p);
                    LOG.debug("pruned the old cache entry {}", p);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot prune the cache {}: {}", dir, e.toString());
        }
    }

    private static Instant modified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
