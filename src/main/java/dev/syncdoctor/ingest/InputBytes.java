package dev.syncdoctor.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The bytes of an input, never more than the size limit plus one (a larger input is refused without
 * being read whole), with a file's I/O problems in words.
 */
final class InputBytes {
    private final long maxBytes;

    InputBytes(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    byte[] read(Path file, String source) throws InputException {
        try {
            if (Files.isDirectory(file)) {
                throw new InputException(source, "cannot read: is a directory");
            }
            if (Files.isRegularFile(file) && Files.size(file) > maxBytes) {
                throw tooLarge(source);
            }
            try (InputStream in = Files.newInputStream(file)) {
                return readBounded(in, source);
            }
        } catch (IOException e) {
            throw new InputException(source, 0, 0, "cannot read: " + reason(e), e);
        }
    }

    byte[] read(InputStream in, String source) throws InputException {
        try {
            return readBounded(in, source);
        } catch (IOException e) {
            throw new InputException(source, 0, 0, "cannot read: " + reason(e), e);
        }
    }

    /** Refuses content already in memory when it is over the limit. */
    byte[] check(byte[] content, String source) throws InputException {
        if (content.length > maxBytes) {
            throw tooLarge(source);
        }
        return content;
    }

    private byte[] readBounded(InputStream in, String source) throws IOException, InputException {
        byte[] bytes = in.readNBytes((int) (maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLarge(source);
        }
        return bytes;
    }

    private InputException tooLarge(String source) {
        String limit = maxBytes % (1024 * 1024) == 0 ? (maxBytes / (1024 * 1024)) + " MB"
                : maxBytes % 1024 == 0 ? (maxBytes / 1024) + " KB" : maxBytes + " bytes";
        return new InputException(source, "input is larger than the limit of " + limit + " (" + maxBytes + " bytes)");
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
