package dev.syncdoctor.io;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Neutralises control characters in text bound for a terminal: inputs are untrusted, and a case name, a
 * CSV {@code case_id} or a file name holding {@code ESC ] 0;...BEL} or {@code ESC [2J} would retitle or
 * clear the user's terminal (or worse). Every C0 control except line feed and tab, DEL and every C1 control
 * is written as {@code \xNN} instead. Applied once, where the program's standard output and error are
 * set up, so no renderer has to remember it; JSON already escapes these characters itself.
 */
public final class TerminalSafeWriter extends FilterWriter {
    public TerminalSafeWriter(Writer out) {
        super(out);
    }

    /** Whether {@code c} would act on a terminal instead of being shown. */
    public static boolean isControl(char c) {
        return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f);
    }

    /** {@code s} with every control character written as {@code \xNN}. */
    public static String neutralise(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isControl(c)) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                b.append(String.format("\\x%02x", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    @Override
    public void write(int c) throws IOException {
        if (isControl((char) c)) {
            out.write(String.format("\\x%02x", c & 0xffff));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            if (isControl(cbuf[i])) {
                out.write(cbuf, start, i - start);
                out.write(String.format("\\x%02x", (int) cbuf[i]));
                start = i + 1;
            }
        }
        out.write(cbuf, start, end - start);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        write(str.toCharArray(), off, len);
    }
}
