package dev.syncdoctor.knowledge;

import dev.syncdoctor.io.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder that holds cache entries, and the only code that touches it. An entry is code this program
 * runs, so nothing in a folder another user could write is trusted: the folder must be a real folder (not
 * a symbolic link) owned by this user and writable by no one else, or it is not used at all (one warning).
 * Entries are opened without following links, only when they are regular files owned by this user and
 * writable by no one else, and the file read must be the file checked (same file key after the read).
 * Entries are written whole (temporary file, rename) and private to the user; old ones are pruned.
 */
final class CacheFolder {
    private static final Logger LOG = LoggerFactory.getLogger(CacheFolder.class);
    static final String SUFFIX = ".kb";
    private static final Set<PosixFilePermission> PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PRIVATE_FOLDER = PosixFilePermissions.fromString("rwx------");
    private static final long MAX_ENTRY_BYTES = 512L << 20;
    private static final int KEEP_ENTRIES = 16;
    private static final Duration KEEP_UNUSED = Duration.ofDays(30);
    private static final Duration STALE_TEMP = Duration.ofHours(1);
    /** Folders already warned about in this process: one warning each. */
    private static final Set<Path> WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final Path dir;

    CacheFolder(Path dir) {
        this.dir = dir;
    }

    Path entry(String key) {
        return dir.resolve(key + SUFFIX);
    }

    /**
     * Whether the folder can be trusted (created private to the user when missing). False, with one
     * warning per folder, when it is a link, another user's, or writable by others; false (logged at debug)
     * when it cannot be created.
     */
    boolean usable() {
        try {
            if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PRIVATE_FOLDER));
                } catch (UnsupportedOperationException e) {
                    Files.createDirectories(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot create the cache folder {}: {}", dir, e.toString());
            return false;
        }
        Optional<String> problem = untrusted(dir, true);
        if (problem.isPresent()) {
            if (WARNED.add(dir.toAbsolutePath())) {
                LOG.warn("not using the rules cache {}: {}; the rules are compiled instead", dir, problem.get());
            }
            return false;
        }
        return true;
    }

    /**
     * Why {@code path} is not this user's own, private-to-write file or folder, or empty when it is.
     * On a file system without Unix owners the operating system's own protection decides.
     */
    static Optional<String> untrusted(Path path, boolean folder) {
        try {
            if (Files.isSymbolicLink(path)) {
                return Optional.of("it is a symbolic link");
            }
            if (folder ? !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) : !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of(folder ? "it is not a folder" : "it is not a regular file");
            }
            if (!Files.getFileStore(path).supportsFileAttributeView(PosixFileAttributeView.class)) {
                return Optional.empty();
            }
            int owner = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            if (owner != currentUid()) {
                return Optional.of("it belongs to another user (uid " + owner + ")");
            }
            if ((mode & 0022) != 0) {
                return Optional.of("others can write it (mode " + Integer.toOctalString(mode & 07777) + ")");
            }
            return Optional.empty();
        } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException | LinkageError e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot check it: " + e.getMessage());
        }
    }

    private static int currentUid() {
        return (int) new com.sun.security.auth.module.UnixSystem().getUid();
    }

    /**
     * The content of the entry, or null when there is none or it cannot be trusted (logged). Call only
     * when {@link #usable()}.
     */
    byte[] read(Path entry) {
        Object before;
        try {
            before = Files.readAttributes(entry, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (NoSuchFileException e) {
            LOG.debug("no cached knowledge at {}", entry);
            return null;
        } catch (IOException e) {
            LOG.debug("cannot read the cached knowledge {}: {}", entry, e.toString());
            return null;
        }
        // Checked before opening: a FIFO or device is never opened (it could block or feed anything).
        Optional<String> problem = untrusted(entry, false);
        if (problem.isPresent()) {
            LOG.warn("ignoring the cached knowledge {}: {}", entry, problem.get());
            return null;
        }
        byte[] content;
        try (InputStream in = Channels.newInputStream(Files.newByteChannel(entry, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_ENTRY_BYTES + 1));
            Object after = Files.readAttributes(entry, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
            if (before != null && !before.equals(after)) {
                LOG.warn("ignoring the cached knowledge {}: it was replaced while being read", entry);
                return null;
            }
        } catch (IOException e) {
            LOG.debug("cannot read the cached knowledge {}: {}", entry, e.toString());
            return null;
        }
        if (content.length > MAX_ENTRY_BYTES) {
            LOG.warn("ignoring the cached knowledge {}: larger than {} bytes", entry, MAX_ENTRY_BYTES);
            return null;
        }
        return content;
    }

    /** Writes an entry whole and private to the user; false (logged) when it cannot. */
    boolean write(Path entry, byte[] content) {
        try {
            AtomicFile.write(entry, content, PRIVATE_FILE);
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot store the compiled rules in {}: {}", dir, e.toString());
            return false;
        }
    }

    /** Marks an entry as used, so pruning keeps what is in use. */
    void touch(Path entry) {
        try {
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot mark {} as used: {}", entry, e.toString());
        }
    }

    /** Removes entries unused for a month or beyond the newest few, and temporary files a crashed run left. */
    void prune(Path keep) {
        Instant now = Instant.now();
        Map<Path, Instant> entries = new HashMap<>();
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir)) {
            for (Path p : list) {
                String name = p.getFileName().toString();
                if ((name.endsWith(".tmp") || name.endsWith(".partial")) && modified(p).isBefore(now.minus(STALE_TEMP))) {
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
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant();
        } catch (IOException e) {
            return Instant.EPOCH;
        }
    }
}
