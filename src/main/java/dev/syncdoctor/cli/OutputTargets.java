package dev.syncdoctor.cli;

import dev.syncdoctor.batch.InputWalker;
import dev.syncdoctor.io.AtomicFile;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The files a command will write, checked before any input is read: each must be a regular file or new
 * (never a device, FIFO, folder or symbolic link), all distinct, none an input or a file an input folder
 * would read as a case on the next run; then each is opened (its temporary file created), so a folder
 * that cannot be written fails at once with the output's name.
 */
final class OutputTargets {
    private OutputTargets() {
    }

    /** Checks {@code targets} (option name to path, nulls ignored) against the inputs; throws a usage error naming the first problem. */
    static void check(Map<String, Path> targets, List<String> inputs) throws CommandFailure {
        Map<Path, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Path> t : targets.entrySet()) {
            Path target = t.getValue();
            if (target == null) {
                continue;
            }
            Optional<String> problem = AtomicFile.checkTarget(target);
            if (problem.isPresent()) {
                throw new CommandFailure(ExitCode.INPUT, t.getKey() + " " + target + ": " + problem.get());
            }
            Path key = canonical(target);
            String other = seen.putIfAbsent(key, t.getKey());
            if (other != null) {
                throw new CommandFailure(ExitCode.INPUT, t.getKey() + " " + target + ": also given to " + other
                        + "; each output needs its own file");
            }
            for (String input : inputs) {
                if ("-".equals(input)) {
                    continue;
                }
                Path in = canonical(Path.of(input));
                if (in.equals(key)) {
                    throw new CommandFailure(ExitCode.INPUT, t.getKey() + " " + target + ": is also an input");
                }
                if (Files.isDirectory(in) && key.startsWith(in) && InputWalker.isInputName(key.getFileName().toString())) {
                    throw new CommandFailure(ExitCode.INPUT, t.getKey() + " " + target + ": is inside the input folder "
                            + input + " and would be read as a case by the next run; write it elsewhere");
                }
            }
        }
    }

    /** The path with its folder's links resolved (the file itself may not exist yet). */
    private static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                return abs.toRealPath(LinkOption.NOFOLLOW_LINKS);
            }
            Path parent = abs.getParent();
            return parent == null ? abs : parent.toRealPath().resolve(abs.getFileName());
        } catch (IOException e) {
            return abs;
        }
    }

    /** Opens every target; on failure closes those opened and throws one line naming the output and the reason. */
    static List<AtomicFile> open(Map<String, Path> targets) throws CommandFailure {
        List<AtomicFile> opened = new ArrayList<>();
        for (Map.Entry<String, Path> t : targets.entrySet()) {
            if (t.getValue() == null) {
                opened.add(null);
                continue;
            }
            try {
                opened.add(AtomicFile.open(t.getValue()));
            } catch (IOException e) {
                closeAll(opened);
                throw new CommandFailure(ExitCode.OUTPUT, t.getKey() + " " + t.getValue() + ": cannot write: " + reason(e));
            }
        }
        return opened;
    }

    static void closeAll(List<AtomicFile> files) {
        for (AtomicFile f : files) {
            if (f != null) {
                try {
                    f.close();
                } catch (IOException ignored) {
                    // throwing the partial content away; the first error is what the user needs
                }
            }
        }
    }

    /** Why a write failed, in words, without naming our temporary file. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
