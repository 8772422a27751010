package dev.syncdoctor.verify;

import java.nio.file.Path;

/** An example input with the result it must produce; {@code expectationFile} is where that was stated. */
public record ExampleCase(Path input, Path expectationFile, Expectation expectation) {

    public String name() {
        return input.toString().replace('\\', '/');
    }
}
