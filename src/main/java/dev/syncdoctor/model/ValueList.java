package dev.syncdoctor.model;

import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;

/**
 * Lists of values as people read them: all of a short list, the first few and a count of a long one
 * ("V-00000, V-00001, V-00002 and 4,997 more"), so thousands of row errors keep a plan readable.
 */
public final class ValueList {
    /** Lists up to this long are shown whole. */
    static final int SHOWN_WHOLE = 5;
    /** Of a longer list, this many are shown before the count of the rest. */
    static final int SHOWN_FIRST = 3;

    private ValueList() {
    }

    public static String brief(Collection<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        int shown = values.size() <= SHOWN_WHOLE ? values.size() : SHOWN_FIRST;
        StringBuilder b = new StringBuilder();
        Iterator<String> it = values.iterator();
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(it.next());
        }
        if (shown < values.size()) {
            b.append(" and ").append(count(values.size() - shown)).append(" more");
        }
        return b.toString();
    }

    /** A count with thousands separators: "4,997". */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
