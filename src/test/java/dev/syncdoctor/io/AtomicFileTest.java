package dev.syncdoctor.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void theTargetAppearsWholeOnlyAtCommit() throws Exception {
        Path target = dir.resolve("out.jsonl");
        Files.writeString(target, "old\n");
        try (AtomicFile out = AtomicFile.open(target)) {
            out.writer().write("new line 1\n");
            out.writer().flush();
            assertThat(Files.readString(target)).isEqualTo("old\n");
            assertThat(out.temporaryFile()).exists().hasParent(dir);
            out.writer().write("new line 2\n");
            out.commit();
        }
        assertThat(Files.readString(target)).isEqualTo("new line 1\nnew line 2\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void closingWithoutCommitLeavesNoPartialFileAndKeepsTheOldOne() throws Exception {
        Path target = dir.resolve("summary.json");
        Files.writeString(target, "old");
        Path temp;
        try (AtomicFile out = AtomicFile.open(target)) {
            temp = out.temporaryFile();
            out.writer().write("half of it");
            // an error happens here: no commit
        }
        assertThat(temp).doesNotExist();
        assertThat(Files.readString(target)).isEqualTo("old");
    }
}
