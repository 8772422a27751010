package dev.syncdoctor.model;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * Every fragment rules have asked {@link SyncError#mentions} about, in one Aho-Corasick automaton, so an
 * error's message is scanned once for all of them instead of once per rule condition (with a knowledge
 * base of a hundred {@code mentions}, that scan was a fifth of a batch's CPU).
 *
 * <p>The fragments are learnt as rules ask: a fragment not yet in the automaton is answered by a plain
 * search and added to the next automaton, built when an error next starts its scan. Fragments come from
 * rule literals, a small fixed set, so after the first cases the automaton stops changing. Immutable;
 * shared by every thread.
 */
final class MentionIndex {
    /** Rules with more distinct fragments than this are answered by plain searches past it. */
    static final int MAX_FRAGMENTS = 10_000;
    private static final Set<String> LEARNT = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean STALE = new AtomicBoolean();
    private static volatile MentionIndex current = new MentionIndex(List.of());

    private final Map<String, Integer> ids;
    /** Fragments as rules wrote them (any case) to their bit: one lookup per test, no lower-casing. */
    private final Map<String, Integer> idsAsWritten = new ConcurrentHashMap<>();
    private final Trie trie;

    private MentionIndex(List<String> fragments) {
        this.ids = new HashMap<>();
        Trie.TrieBuilder builder = Trie.builder();
        for (String f : fragments) {
            if (ids.putIfAbsent(f, ids.size()) == null) {
                builder.addKeyword(f);
            }
        }
        this.trie = builder.build();
    }

    /** The automaton of every fragment learnt so far (rebuilt first when some were learnt since the last). */
    static MentionIndex current() {
        if (STALE.getAndSet(false)) {
            synchronized (MentionIndex.class) {
                current = new MentionIndex(List.copyOf(LEARNT));
            }
        }
        return current;
    }

    /** Adds a lower-case fragment to the next automaton. */
    static void learn(String lowerFragment) {
        if (LEARNT.size() < MAX_FRAGMENTS && LEARNT.add(lowerFragment)) {
            STALE.set(true);
        }
    }

    /**
     * The bit in {@link #scan}'s answer of a fragment as a rule wrote it, in any case, or -1 when this
     * automaton does not hold it.
     */
    int idAsWritten(String fragment) {
        Integer id = idsAsWritten.get(fragment);
        if (id == null) {
            id = ids.getOrDefault(fragment.toLowerCase(Locale.ROOT), -1);
            if (idsAsWritten.size() < MAX_FRAGMENTS) {
                idsAsWritten.put(fragment, id);
            }
        }
        return id;
    }

    /** The fragments of this automaton that {@code lowerText} contains, as bits by {@link #id}. */
    BitSet scan(String lowerText) {
        BitSet found = new BitSet(ids.size());
        if (ids.isEmpty()) {
            return found;
        }
        for (Emit e : trie.parseText(lowerText)) {
            found.set(ids.get(e.getKeyword()));
        }
        return found;
    }
}
