package dev.syncdoctor.batch;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An output file written whole or not at all: the content goes to a temporary file in the target's folder
 * and is renamed over the target by {@link #commit()}. Closing without commit (an error) deletes the
 * temporary file, and so does a shutdown hook when the process is interrupted: a reader of the target sees
 * the old file or the new one, never half of one.
 */
public final class AtomicOutput implements Closeable {
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path p : PENDING) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort while the process ends
                }
            }
        }, "delete-partial-output"));
    }

    private final Path target;
    private final Path temp;
    private final Writer writer;
    private boolean done;

    private AtomicOutput(Path target, Path temp, Writer writer) {
        this.target = target;
        this.temp = temp;
        this.writer = writer;
    }

    public static AtomicOutput open(Path target) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (Files.isDirectory(abs)) {
            throw new IOException(target + ": is a folder");
        }
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException(target + ": no such folder: " + (dir == null ? target : dir));
        }
        Path temp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".partial");
        PENDING.add(temp);
        try {
            Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16);
            return new AtomicOutput(abs, temp, w);
        } catch (IOException e) {
            PENDING.remove(temp);
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    public Writer writer() {
        return writer;
    }

    /** The temporary file being written (for tests). */
    Path temporaryFile() {
        return temp;
    }

    /** Flushes, closes and renames the temporary file over the target. */
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
        } finally {
            Files.deleteIfExists(temp);
            PENDING.remove(temp);
        }
    }

    /** Writes a whole file atomically. */
    public static void write(Path target, String content) throws IOException {
        try (AtomicOutput out = open(target)) {
            out.writer().write(content);
            out.commit();
        }
    }
}
