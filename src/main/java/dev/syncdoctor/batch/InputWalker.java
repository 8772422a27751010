package dev.syncdoctor.batch;

import dev.syncdoctor.ingest.InputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The inputs of a batch, lazily and in a stable order: the paths in the order given; a folder's entries
 * sorted by name, depth first; {@code -} as one input per non-blank line of standard input. Only one
 * folder's names per level are held at a time (names, not paths), so memory stays small for folders of
 * 100,000 files.
 *
 * <p>In folders, files with an input extension ({@link InputFormat}: .txt, .log, .json, .yaml, .yml, .csv,
 * .jsonl) are inputs; {@code *.expected.json}
 * sidecars, names starting with a dot, and everything else are skipped. Symbolic links to folders are not
 * followed (no cycles); a symbolic link to a file is read only when the file is inside one of the folders
 * given (a link to a file elsewhere, say a secret of another user, is an invalid record, not read). A
 * FIFO, device or socket is an invalid record at once, never opened (it could block the run). A file named
 * on the command line is always an input, whatever its name, if it is a regular file. A line of standard
 * input longer than the input limit is an invalid record, skipped without being held in memory.
 */
public final class InputWalker implements Iterator<BatchInput> {
    private final Iterator<String> args;
    private final InputStream stdin;
    private final long maxLineBytes;
    private final List<Path> roots = new ArrayList<>();
    private final Deque<Listing> folders = new ArrayDeque<>();
    private Reader lines;
    private long lineNumber;
    private BatchInput next;

    /** One folder being walked: its sorted entry names and the next to give. */
    private static final class Listing {
        final Path folder;
        final String[] names;
        int next;

        Listing(Path folder, String[] names) {
            this.folder = folder;
            this.names = names;
        }
    }

    public InputWalker(List<String> paths, InputStream stdin) {
        this(paths, stdin, 10L << 20);
    }

    /** {@code maxLineBytes} bounds one line of JSON Lines on standard input. */
    public InputWalker(List<String> paths, InputStream stdin, long maxLineBytes) {
        this.args = paths.iterator();
        this.stdin = stdin;
        this.maxLineBytes = maxLineBytes;
        for (String p : paths) {
            if (!"-".equals(p)) {
                try {
                    Path real = Path.of(p).toRealPath();
                    if (Files.isDirectory(real)) {
                        roots.add(real);
                    }
                } catch (IOException | RuntimeException e) {
                    // reported when the path is reached
                }
            }
        }
    }

    /** Whether a file found in a folder is an input. */
    public static boolean isInputName(String fileName) {
        return InputFormat.isInputName(fileName);
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public BatchInput next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        BatchInput n = next;
        next = null;
        return n;
    }

    private BatchInput advance() {
        while (true) {
            if (lines != null) {
                BatchInput line = nextLine();
                if (line != null) {
                    return line;
                }
                lines = null;
            }
            while (!folders.isEmpty()) {
                Listing top = folders.peek();
                if (top.next >= top.names.length) {
                    folders.pop();
                    continue;
                }
                String name = top.names[top.next];
                top.names[top.next++] = null; // given out: let it go
                Path p = top.folder.resolve(name);
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    if (!name.startsWith(".")) {
                        BatchInput failed = enter(p);
                        if (failed != null) {
                            return failed;
                        }
                    }
                } else if (isInputName(name)) {
                    return fileFoundInFolder(p);
                }
            }
            if (!args.hasNext()) {
                return null;
            }
            String arg = args.next();
            if ("-".equals(arg)) {
                lines = new java.io.BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8), 1 << 16);
                lineNumber = 0;
                continue;
            }
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                BatchInput failed = enter(p);
                if (failed != null) {
                    return failed;
                }
            } else if (Files.exists(p) && !Files.isRegularFile(p)) {
                return new BatchInput.Unreadable(p, "not a regular file (a FIFO, device or socket is not read)");
            } else {
                return new BatchInput.File(p);
            }
        }
    }

    /** A file met in a folder walk: read only if it is a regular file inside the given folders. */
    private BatchInput fileFoundInFolder(Path p) {
        if (Files.isSymbolicLink(p)) {
            Path real;
            try {
                real = p.toRealPath();
            } catch (IOException | RuntimeException e) {
                return new BatchInput.Unreadable(p, "broken symbolic link");
            }
            boolean inside = roots.stream().anyMatch(real::startsWith);
            if (!inside) {
                return new BatchInput.Unreadable(p, "symbolic link to a file outside the input folders; not read"
                        + " (name the file itself to read it)");
            }
        }
        if (!Files.isRegularFile(p)) {
            return new BatchInput.Unreadable(p, "not a regular file (a FIFO, device or socket is not read)");
        }
        return new BatchInput.File(p);
    }

    /** Pushes a folder's sorted entry names; returns an input for the folder if it cannot be listed. */
    private BatchInput enter(Path folder) {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path e : ds) {
                names.add(e.getFileName().toString());
            }
        } catch (IOException | UncheckedIOException e) {
            return new BatchInput.Unreadable(folder, "cannot list this folder: " + e);
        }
        String[] sorted = names.toArray(new String[0]);
        names = null;
        Arrays.sort(sorted);
        folders.push(new Listing(folder, sorted));
        return null;
    }

    /**
     * The next non-blank line of standard input. A line over the limit is skipped to its end without being
     * kept (an endless line from {@code /dev/zero} costs time, not memory) and becomes an invalid record.
     */
    private BatchInput nextLine() {
        try {
            while (true) {
                StringBuilder line = new StringBuilder();
                boolean tooLong = false;
                boolean any = false;
                int c;
                while ((c = lines.read()) != -1 && c != '\n') {
                    any = true;
                    if (!tooLong) {
                        line.append((char) c);
                        // Characters count at least one byte each: a line over the limit in characters is over it in bytes.
                        if (line.length() > maxLineBytes) {
                            tooLong = true;
                            line = new StringBuilder();
                        }
                    }
                }
                if (c == -1 && !any) {
                    return null;
                }
                lineNumber++;
                if (tooLong) {
                    return new BatchInput.Unreadable(Path.of("-:" + lineNumber), "line longer than the input limit of "
                            + maxLineBytes + " bytes (--max-input-bytes)");
                }
                if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                    line.setLength(line.length() - 1);
                }
                if (line.toString().getBytes(StandardCharsets.UTF_8).length > maxLineBytes) {
                    return new BatchInput.Unreadable(Path.of("-:" + lineNumber), "line longer than the input limit of "
                            + maxLineBytes + " bytes (--max-input-bytes)");
                }
                if (!line.toString().isBlank()) {
                    return new BatchInput.StdinLine(lineNumber, line.toString());
                }
                if (c == -1) {
                    return null;
                }
            }
        } catch (IOException e) {
            lineNumber++;
            BatchInput failed = new BatchInput.Unreadable(Path.of("-"), "cannot read standard input after line "
                    + (lineNumber - 1) + ": " + e.getMessage());
            lines = null;
            return failed;
        }
    }
}
