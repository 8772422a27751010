package dev.syncdoctor.batch;

import dev.syncdoctor.ingest.InputFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The inputs of a batch, lazily and in a stable order: the paths in the order given; a folder's entries
 * sorted by name, depth first; {@code -} as one input per non-blank line of standard input. Only one
 * folder listing per level is held at a time, so memory does not grow with the number of inputs.
 *
 * <p>In folders, files with an input extension ({@link InputFormat}: .txt, .log, .json, .yaml, .yml, .csv,
 * .jsonl) are inputs; {@code *.expected.json} sidecars, names starting with a dot, and everything else are
 * skipped. Symbolic links to folders are not
 * followed (no cycles). A file named on the command line is always an input, whatever its name.
 */
public final class InputWalker implements Iterator<BatchInput> {
    private final Iterator<String> args;
    private final InputStream stdin;
    private final Deque<Iterator<Path>> folders = new ArrayDeque<>();
    private BufferedReader lines;
    private long lineNumber;
    private BatchInput next;

    public InputWalker(List<String> paths, InputStream stdin) {
        this.args = paths.iterator();
        this.stdin = stdin;
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
                Iterator<Path> top = folders.peek();
                if (!top.hasNext()) {
                    folders.pop();
                    continue;
                }
                Path p = top.next();
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    if (!p.getFileName().toString().startsWith(".")) {
                        BatchInput failed = enter(p);
                        if (failed != null) {
                            return failed;
                        }
                    }
                } else if (isInputName(p.getFileName().toString())) {
                    return new BatchInput.File(p);
                }
            }
            if (!args.hasNext()) {
                return null;
            }
            String arg = args.next();
            if ("-".equals(arg)) {
                lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8), 1 << 16);
                lineNumber = 0;
                continue;
            }
            Path p = Path.of(arg);
            if (Files.isDirectory(p)) {
                BatchInput failed = enter(p);
                if (failed != null) {
                    return failed;
                }
            } else {
                return new BatchInput.File(p);
            }
        }
    }

    /** Pushes a folder's sorted entries; returns an input for the folder if it cannot be listed. */
    private BatchInput enter(Path folder) {
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder)) {
            for (Path e : ds) {
                entries.add(e);
            }
        } catch (IOException | UncheckedIOException e) {
            return new BatchInput.Unreadable(folder, "cannot list this folder: " + e);
        }
        entries.sort(Comparator.comparing(e -> e.getFileName().toString()));
        folders.push(entries.iterator());
        return null;
    }

    private BatchInput nextLine() {
        try {
            String line;
            while ((line = lines.readLine()) != null) {
                lineNumber++;
                if (!line.isBlank()) {
                    return new BatchInput.StdinLine(lineNumber, line);
                }
            }
            return null;
        } catch (IOException e) {
            lineNumber++;
            BatchInput failed = new BatchInput.Unreadable(Path.of("-"), "cannot read standard input after line "
                    + (lineNumber - 1) + ": " + e.getMessage());
            lines = null;
            return failed;
        }
    }
}
