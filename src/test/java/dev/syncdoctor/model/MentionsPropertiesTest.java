package dev.syncdoctor.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link SyncError#mentions} answers from one scan of the message for every fragment rules use: the answer
 * must be the plain case-insensitive search's, for fragments met for the first time and for those already
 * in the automaton, overlapping and nested ones included.
 */
class MentionsPropertiesTest {
    private static final List<String> WORDS = List.of("bad", "request", "(400)", "Bad Request", "AX export", "export",
            "encountered an error", "lookup", "wasn't", "was not", "found", "guid", "msdyn_", "é", "ÉTÉ", "ß", "İ", "a", "aa", " ");

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of(WORDS).list().ofMaxSize(12).map(w -> String.join(" ", w));
    }

    @Provide
    Arbitrary<List<String>> fragments() {
        Arbitrary<String> one = Arbitraries.oneOf(Arbitraries.of(WORDS),
                Arbitraries.of(WORDS).list().ofMinSize(2).ofMaxSize(3).map(w -> String.join(" ", w)),
                Arbitraries.strings().withChars("abAB( )é").ofMinLength(1).ofMaxLength(4));
        return one.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 400)
    void everyAnswerIsThePlainSearchs(@ForAll("texts") String message, @ForAll("fragments") List<String> fragments) {
        // Twice over fresh errors: the first meets some fragments for the first time, the second has them indexed.
        for (int round = 0; round < 2; round++) {
            SyncError e = new SyncError("e1", message);
            for (String f : fragments) {
                assertThat(e.mentions(f)).as("'%s' in '%s'", f, message)
                        .isEqualTo(message.toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT)));
            }
        }
    }

    @Test
    void aNewMessageIsScannedAgain() {
        SyncError e = new SyncError("e1", "The remote server returned an error: (400) Bad Request.");
        assertThat(e.mentions("bad request")).isTrue();
        e.setMessage("The remote server returned an error: (403) Forbidden.");
        assertThat(e.mentions("bad request")).isFalse();
        assertThat(e.mentions("FORBIDDEN")).isTrue();
    }

    @Test
    void emptyAndMissingFragmentsMatchNothing() {
        SyncError e = new SyncError("e1", "anything");
        assertThat(e.mentions("")).isFalse();
        assertThat(e.mentions(null)).isFalse();
    }
}
