package dev.syncdoctor.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A rules folder for tests: the project's own rules plus rules that misbehave, each only for a case
 * whose map name asks for it, so one knowledge base serves good and bad cases alike.
 */
public final class MisbehavingRules {
    /** Map names that trip a rule, and the rule they trip. */
    public static final String LOOP = "loop";
    public static final String INSERT_LOOP = "insert-loop";
    public static final String SLEEP = "sleep";
    public static final String SWALLOW = "swallow";
    public static final String SPIN = "spin";
    public static final String THROW = "throw";
    public static final String BAD_CONDITION = "bad-condition";

    /** How long the SPIN rule's consequence burns CPU without firing or looking at interrupts. */
    public static final long SPIN_MILLIS = 1500;

    public static final String DRL = """
            package dev.syncdoctor.rules.hostile

            import dev.syncdoctor.model.*;

            rule "loops forever"
            when
                $c : SyncCase( mapName == "loop", attempts >= -1 )
            then
                modify($c) { setAttempts($c.getAttempts() + 1) };
            end

            rule "seeds an insert loop"
            when
                SyncCase( mapName == "insert-loop" )
                not Integer()
            then
                insert(Integer.valueOf(0));
            end

            rule "inserts forever"
            when
                SyncCase( mapName == "insert-loop" )
                $i : Integer()
                not Integer( intValue == $i + 1 )
            then
                insert(Integer.valueOf($i + 1));
            end

            rule "sleeps a minute"
            when
                SyncCase( mapName == "sleep" )
            then
                Thread.sleep(60000L);
            end

            rule "sleeps and swallows the interrupt"
            when
                SyncCase( mapName == "swallow" )
            then
                try { Thread.sleep(60000L); } catch (InterruptedException e) { }
            end

            rule "spins on the CPU"
            when
                SyncCase( mapName == "spin" )
            then
                long end = System.nanoTime() + %d000000L;
                long x = 0;
                while (System.nanoTime() < end) { x++; }
            end

            rule "throws"
            when
                SyncCase( mapName == "throw" )
            then
                throw new IllegalStateException("boom from a rule");
            end

            rule "condition that throws"
            when
                SyncCase( mapName == "bad-condition", mapStatus.length() > 0 )
            then
                System.out.println("never");
            end
            """.formatted(SPIN_MILLIS);

    private MisbehavingRules() {
    }

    /** Copies the project's rules into {@code dir} and adds the misbehaving rules; returns dir. */
    public static Path writeTo(Path dir) {
        try {
            Path source = Path.of("rules");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    Path target = dir.resolve(source.relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target);
                    }
                }
            }
            Files.writeString(dir.resolve("misbehaving.drl"), DRL);
            // These rules sleep on purpose (to test the engine's limits): a folder its authors vouch for.
            Files.writeString(dir.resolve(dev.syncdoctor.knowledge.ConsequenceGuard.TRUSTED_MARKER), "test rules that misbehave on purpose\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
