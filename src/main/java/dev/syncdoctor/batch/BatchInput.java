package dev.syncdoctor.batch;

import java.nio.file.Path;

/** One unit of batch work, in input order: a file, a line of JSON Lines on stdin, or a folder that could not be listed. */
public sealed interface BatchInput {
    /** Where the input came from, as records name it. */
    String source();

    /** A file to read: raw text, a JSON or YAML case file, or a CSV export. */
    record File(Path path) implements BatchInput {
        @Override
        public String source() {
            return path.toString();
        }
    }

    /** One line of JSON Lines from standard input; {@code number} is 1-based. */
    record StdinLine(long number, String text) implements BatchInput {
        @Override
        public String source() {
            return "-:" + number;
        }
    }

    /** A path that could not be listed or read before any work started; it still gets its record. */
    record Unreadable(Path path, String reason) implements BatchInput {
        @Override
        public String source() {
            return path.toString();
        }
    }
}
