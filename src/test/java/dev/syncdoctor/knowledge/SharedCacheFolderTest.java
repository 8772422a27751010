package dev.syncdoctor.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.syncdoctor.hostile.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cache folder another user can write is no place for code this program runs: an entry planted there
 * (or swapped in while being read) must never be loaded, whoever owns the entry file itself.
 */
class SharedCacheFolderTest {
    private static final String EXAMPLE = "facts/examples/initial-sync/bad-request-docs-example.txt";

    @TempDir
    Path work;

    /** Rules with the 400 Bad Request recognition removed: what an attacker would plant. */
    private Path plantedRules() throws IOException {
        Path planted = work.resolve("planted");
        RuleFolders.copyShippedRules(planted);
        Path codes = planted.resolve("recognition/errors.drl.csv");
        String table = Files.readString(codes);
        StringBuilder kept = new StringBuilder();
        for (String line : table.split("\n", -1)) {
            if (!line.contains("Bad Request")) {
                kept.append(line).append('\n');
            }
        }
        Files.writeString(codes, kept);
        return planted;
    }

    @Test
    void anEntryInAFolderOthersCanWriteIsNeverLoaded() throws Exception {
        assumeTrue(Files.getFileStore(work).supportsFileAttributeView("posix"), "needs Unix owners and modes");
        Path rules = work.resolve("rules");
        RuleFolders.copyShippedRules(rules);
        Cli honest = Cli.run("diagnose", "--no-cache", "--format", "json", "--rules", rules.toString(), EXAMPLE);
        assertThat(honest.exitCode()).isZero();
        assertThat(honest.out()).contains("dixf-service-stopped");

        // The attacker's entry, built from the planted rules in a private folder...
        Path privateCache = work.resolve("private-cache");
        Path planted = plantedRules();
        KnowledgeCache attacker = new KnowledgeCache(privateCache);
        attacker.load(RuleFiles.fromDirectory(planted));
        Path plantedEntry = attacker.entryFor(RuleFiles.fromDirectory(planted));
        assertThat(plantedEntry).exists();

        // ...placed under the key of the honest rules in a shared folder (mode 0777, another owner if we
        // can give it away), the entry file itself looking like ours: 0600, our own.
        Path shared = work.resolve("shared-cache");
        Files.createDirectory(shared);
        Path target = new KnowledgeCache(shared).entryFor(RuleFiles.fromDirectory(rules));
        Files.copy(plantedEntry, target);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
        giveToNobodyIfRoot(shared);

        Cli run = Cli.run("diagnose", "--cache-dir", shared.toString(), "--format", "json", "--rules", rules.toString(), EXAMPLE);
        KnowledgeCache.awaitPendingStores();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo(honest.out());
        assertThat(run.errLines()).singleElement().asString()
                .contains("not using the rules cache").contains(shared.toString())
                .containsAnyOf("belongs to another user", "others can write it");
        // Nothing of ours is written into such a folder either.
        try (var list = Files.list(shared)) {
            assertThat(list).containsExactly(target);
        }
    }

    @Test
    void aFifoOrALinkInPlaceOfAnEntryIsNeitherOpenedNorFollowed() throws Exception {
        assumeTrue(Files.getFileStore(work).supportsFileAttributeView("posix"), "needs Unix owners and modes");
        Path rules = work.resolve("rules");
        RuleFolders.copyShippedRules(rules);
        Path cache = work.resolve("cache");
        Files.createDirectory(cache);
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwx------"));
        Path entry = new KnowledgeCache(cache).entryFor(RuleFiles.fromDirectory(rules));
        Process mkfifo = new ProcessBuilder("mkfifo", entry.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");

        // Opening a FIFO would block until someone writes to it: the run must not wait.
        Cli run = Cli.run("diagnose", "--cache-dir", cache.toString(), "--format", "json", "--rules", rules.toString(), EXAMPLE);
        KnowledgeCache.awaitPendingStores();
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("dixf-service-stopped");
        assertThat(run.err()).contains("ignoring the cached knowledge").contains("not a regular file");

        Files.delete(entry);
        Path elsewhere = work.resolve("elsewhere.kb");
        Files.writeString(elsewhere, "x");
        Files.createSymbolicLink(entry, elsewhere);
        Cli linked = Cli.run("diagnose", "--cache-dir", cache.toString(), "--format", "json", "--rules", rules.toString(), EXAMPLE);
        KnowledgeCache.awaitPendingStores();
        assertThat(linked.exitCode()).isZero();
        assertThat(linked.err()).contains("symbolic link");
        assertThat(Files.readString(elsewhere)).isEqualTo("x");
    }

    private static void giveToNobodyIfRoot(Path p) throws IOException {
        if (!"root".equals(System.getProperty("user.name"))) {
            return; // others can write it: that alone makes it untrusted
        }
        UserPrincipal nobody = p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(p, nobody);
    }
}
