package dev.syncdoctor.spark;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The job's input paths, and the names records give the files found under them: the path as the user
 * wrote it, so {@code --input facts/} names a file {@code facts/examples/a.txt} exactly as
 * {@code batch facts/} does, wherever the file system put it.
 */
final class InputPaths implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A path as given, and its fully qualified form. */
    private record Root(String given, String qualified, boolean folder) implements Serializable {
    }

    private final List<Root> roots;

    private InputPaths(List<Root> roots) {
        this.roots = roots;
    }

    /** Checks that every path exists (a usage error otherwise) and qualifies it. */
    static InputPaths of(List<String> given, Configuration conf) throws InputPathException {
        List<Root> roots = new ArrayList<>();
        for (String g : given) {
            Path p = new Path(g);
            try {
                FileSystem fs = p.getFileSystem(conf);
                FileStatus st = fs.getFileStatus(p);
                roots.add(new Root(g, fs.makeQualified(p).toString(), st.isDirectory()));
            } catch (java.io.FileNotFoundException e) {
                throw new InputPathException(g + ": no such file or folder");
            } catch (IOException | IllegalArgumentException e) {
                throw new InputPathException(g + ": cannot read: " + e.getMessage());
            }
        }
        return new InputPaths(roots);
    }

    /** The qualified paths, comma separated, for Hadoop input formats. */
    String joined() {
        StringBuilder b = new StringBuilder();
        for (Root r : roots) {
            b.append(b.length() == 0 ? "" : ",").append(r.qualified().replace(",", "\\,"));
        }
        return b.toString();
    }

    /**
     * The input files under the paths, in order, when every path is on the local file system; null
     * otherwise (then Hadoop lists the folders itself, with block locations for locality). Two costs of
     * Spark's own listing and reading are avoided here: Hadoop's recursive listing builds located file
     * statuses, and on the local file system without Hadoop's native library each starts a process to
     * read the file's permissions (100,000 files: over ten minutes); and Spark's whole-file reader reads
     * each file of a split by deserialising the split's list of paths again (quadratic in the files per
     * split). Folders are walked as {@code batch} walks them: names starting with a dot skipped, inputs
     * chosen by {@link CaseFileFilter#accepts}, a path named by the user always an input.
     */
    List<String> localFiles(String mode, Configuration conf) throws IOException {
        List<String> files = new ArrayList<>();
        for (Root r : roots) {
            Path p = new Path(r.qualified());
            if (!"file".equals(p.toUri().getScheme())) {
                return null;
            }
            if (r.folder()) {
                walk(p.getFileSystem(conf), p, mode, files);
            } else {
                files.add(r.qualified());
            }
        }
        return files;
    }

    private static void walk(FileSystem fs, Path dir, String mode, List<String> out) throws IOException {
        FileStatus[] entries = fs.listStatus(dir);
        java.util.Arrays.sort(entries, java.util.Comparator.comparing(st -> st.getPath().getName()));
        for (FileStatus st : entries) {
            String name = st.getPath().getName();
            if (name.startsWith(".")) {
                continue;
            }
            if (st.isDirectory()) {
                walk(fs, st.getPath(), mode, out);
            } else if (CaseFileFilter.accepts(mode, name)) {
                out.add(st.getPath().toString());
            }
        }
    }

    String[] qualified() {
        return roots.stream().map(Root::qualified).toArray(String[]::new);
    }

    /** Whether {@code qualified} is a path named on the command line (always an input, whatever its name). */
    boolean isNamed(String qualified) {
        return roots.stream().anyMatch(r -> !r.folder() && r.qualified().equals(qualified));
    }

    /** The name records give the file at {@code qualified}: under the path the user gave. */
    String display(String qualified) {
        for (Root r : roots) {
            if (!r.folder() && qualified.equals(r.qualified())) {
                return r.given();
            }
            String prefix = r.qualified().endsWith("/") ? r.qualified() : r.qualified() + "/";
            if (r.folder() && qualified.startsWith(prefix)) {
                String given = r.given();
                while (given.length() > 1 && given.endsWith("/")) {
                    given = given.substring(0, given.length() - 1);
                }
                return (given.endsWith("/") ? given : given + "/") + qualified.substring(prefix.length());
            }
        }
        return qualified;
    }

    /** A path the user gave that does not exist or cannot be read. */
    static final class InputPathException extends Exception {
        private static final long serialVersionUID = 1L;

        InputPathException(String message) {
            super(message);
        }
    }
}
