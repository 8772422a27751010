package dev.syncdoctor.io;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one writer of whole files: outputs, rules-cache entries and baselines. The content goes to a
 * temporary file next to the target ({@code .NAME.PID-RANDOM.partial}) and is renamed over the target by
 * {@link #commit()}, so a reader sees the old file or the new one, never half of one. Closing without
 * commit, or a shutdown hook when the process is interrupted, deletes the temporary file; one left by a
 * killed process (its PID no longer runs) is removed by the next write of the same target.
 *
 * <p>The new file keeps the mode and group of the file it replaces; a new file gets the mode the umask
 * gives (unless a mode is asked for, as the cache does). Only a regular file (or nothing) is replaced:
 * a folder, a device, a FIFO or a symbolic link at the target is refused with {@link #checkTarget}.
 */
public final class AtomicFile implements Closeable {
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();
    private static final Set<Path> KEPT = ConcurrentHashMap.newKeySet();
    private static final String PARTIAL = ".partial";
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFile::discardPending, "delete-partial-output"));
    }

    /**
     * Deletes every temporary file not yet committed: for a process that ends before its outputs are
     * complete. Those marked {@link #keepIfInterrupted()} stay, for a later run to continue.
     */
    public static void discardPending() {
        for (Path p : PENDING) {
            if (KEPT.contains(p)) {
                continue;
            }
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // best effort while the process ends
            }
        }
    }

    private final Path target;
    private final Path temp;
    private final OutputStream stream;
    private final Writer writer;
    private boolean done;

    private AtomicFile(Path target, Path temp, OutputStream stream) {
        this.target = target;
        this.temp = temp;
        this.stream = stream;
        this.writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Why {@code target} cannot be written as a whole file, or empty when it can: it must be a regular
     * file or not exist, not be a symbolic link (refused rather than followed or replaced: say the real
     * file), and its folder must exist.
     */
    public static Optional<String> checkTarget(Path target) {
        Path abs = target.toAbsolutePath();
        if (Files.isSymbolicLink(abs)) {
            return Optional.of("is a symbolic link; name the file itself");
        }
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of("is a folder, expected a file to write");
            }
            if (!Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
                return Optional.of("is not a regular file (a device, FIFO or socket is never replaced)");
            }
        }
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return Optional.of("no such folder: " + (dir == null ? target : dir));
        }
        return Optional.empty();
    }

    /** Opens {@code target} for a whole-file write with the mode rules above. */
    public static AtomicFile open(Path target) throws IOException {
        return open(target, null);
    }

    /** As {@link #open(Path)}, the new file created with exactly {@code mode} (e.g. private to the user) when not null. */
    public static AtomicFile open(Path target, Set<PosixFilePermission> mode) throws IOException {
        Optional<String> problem = checkTarget(target);
        if (problem.isPresent()) {
            throw new IOException(target + ": " + problem.get());
        }
        Path abs = target.toAbsolutePath();
        removeStalePartials(abs);
        Path temp = null;
        for (int attempt = 0; temp == null; attempt++) {
            Path candidate = partialName(abs, ProcessHandle.current().pid());
            try {
                OutputStream out = create(candidate, mode);
                PENDING.add(candidate);
                temp = candidate;
                try {
                    keepModeOf(abs, candidate, mode != null);
                    return new AtomicFile(abs, candidate, out);
                } catch (IOException | RuntimeException e) {
                    out.close();
                    PENDING.remove(candidate);
                    Files.deleteIfExists(candidate);
                    throw e;
                }
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static Path partialName(Path target, long pid) {
        byte[] r = new byte[6];
        RANDOM.nextBytes(r);
        return target.resolveSibling("." + target.getFileName() + "." + pid + "-" + HexFormat.of().formatHex(r) + PARTIAL);
    }

    private static OutputStream create(Path file, Set<PosixFilePermission> mode) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        if (mode != null && supportsPosix(file.getParent())) {
            FileAttribute<Set<PosixFilePermission>> attr = PosixFilePermissions.asFileAttribute(mode);
            OutputStream out = Channels.newOutputStream(Files.newByteChannel(file, options, attr));
            // The umask may have narrowed the mode further; set it as asked.
            Files.setPosixFilePermissions(file, mode);
            return out;
        }
        // No mode given: the file system applies the umask, as for any new file the user creates.
        return Channels.newOutputStream(Files.newByteChannel(file, options));
    }

    /** The replacement keeps the mode and group (and, for root, the owner) of the file it replaces, unless a mode was given. */
    private static void keepModeOf(Path target, Path temp, boolean modeGiven) throws IOException {
        if (!supportsPosix(temp.getParent()) || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PosixFileAttributes old = Files.readAttributes(target, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (modeGiven) {
            return; // a private file (a cache entry) never takes on another file's mode or owner
        }
        view.setPermissions(old.permissions());
        try {
            view.setGroup(old.group());
            view.setOwner(old.owner());
        } catch (IOException | SecurityException e) {
            // Only root may give a file away; another user's file becomes this user's, as any editor does.
        }
    }

    private static boolean supportsPosix(Path dir) {
        try {
            return dir != null && Files.getFileStore(dir).supportsFileAttributeView(PosixFileAttributeView.class);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Removes the temporary files of {@code target} left by processes that no longer run (killed before
     * they could clean up). Files of a running process (another run writing the same target) are kept.
     * Returns those it removed.
     */
    public static List<Path> removeStalePartials(Path target) {
        List<Path> removed = new ArrayList<>();
        for (Path p : stalePartials(target)) {
            try {
                if (Files.deleteIfExists(p)) {
                    removed.add(p);
                }
            } catch (IOException ignored) {
                // not ours to remove (another user's folder): leave it
            }
        }
        return removed;
    }

    /** Temporary files of {@code target} whose writing process no longer runs, newest first. */
    public static List<Path> stalePartials(Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        String prefix = "." + abs.getFileName() + ".";
        List<Path> stale = new ArrayList<>();
        if (dir == null) {
            return stale;
        }
        try (DirectoryStream<Path> list = Files.newDirectoryStream(dir, prefix + "*" + PARTIAL)) {
            for (Path p : list) {
                String middle = p.getFileName().toString();
                middle = middle.substring(prefix.length(), middle.length() - PARTIAL.length());
                int dash = middle.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(dash < 0 ? middle : middle.substring(0, dash));
                } catch (NumberFormatException e) {
                    continue; // not a name this program gives
                }
                boolean running = pid == ProcessHandle.current().pid() ? PENDING.contains(p)
                        : ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!running && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    stale.add(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            return stale;
        }
        stale.sort((a, b) -> modified(b).compareTo(modified(a)));
        return stale;
    }

    private static java.nio.file.attribute.FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    /** Text goes here (UTF-8). */
    /**
     * Keeps the temporary file when the process is interrupted instead of deleting it, so a later run can
     * continue from what was written (records written in order, each line whole or the last one cut). A
     * normal end still commits or deletes it; a later write of the same target without resuming removes it
     * as stale.
     */
    public void keepIfInterrupted() {
        KEPT.add(temp);
    }

    /** The temporary files kept for a later run, of outputs not committed. */
    public static List<Path> keptPending() {
        List<Path> kept = new ArrayList<>();
        for (Path p : KEPT) {
            if (PENDING.contains(p)) {
                kept.add(p);
            }
        }
        return kept;
    }

    public Writer writer() {
        return writer;
    }

    /** Bytes go here; do not mix with {@link #writer()}. */
    public OutputStream stream() {
        return stream;
    }

    /** The target this file replaces at commit. */
    public Path target() {
        return target;
    }

    /** The temporary file being written. */
    public Path temporaryFile() {
        return temp;
    }

    /** Flushes, forces to disk, closes and renames the temporary file over the target. */
    public void commit() throws IOException {
        if (done) {
            return;
        }
        writer.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
        PENDING.remove(temp);
        KEPT.remove(temp);
    }

    /** Without a commit: throws the partial content away. */
    @Override
    public void close() throws IOException {
        if (done) {
            return;
        }
        done = true;
        try {
            writer.close();
        } catch (IOException ignored) {
            // the content is being thrown away; a full disk must not hide the first error
        } finally {
            Files.deleteIfExists(temp);
            PENDING.remove(temp);
            KEPT.remove(temp);
        }
    }

    /** Writes a whole text file atomically. */
    public static void write(Path target, String content) throws IOException {
        try (AtomicFile out = open(target)) {
            out.writer().write(content);
            out.commit();
        }
    }

    /** Writes a whole file of bytes atomically, with {@code mode} when not null. */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> mode) throws IOException {
        try (AtomicFile out = open(target, mode)) {
            out.stream().write(content);
            out.commit();
        }
    }
}
