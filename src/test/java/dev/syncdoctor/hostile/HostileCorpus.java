package dev.syncdoctor.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes the hostile corpus into a folder: one file per way an input can go wrong, each with what
 * {@code diagnose} must make of it. Generated rather than stored, so the repository holds no 10 MB or
 * binary files and the sizes follow the limits.
 */
public final class HostileCorpus {
    public static final String BAD_REQUEST =
            "The remote server returned an error: (400) Bad Request.), AX export encountered an error";

    /** What diagnose must do with an entry: its exit code and a fragment of its one stderr line (or null). */
    public record Entry(String name, int exitCode, String reason, boolean usesMisbehavingRules) {
    }

    private HostileCorpus() {
    }

    /** Writes every entry into dir and returns them. */
    public static List<Entry> writeTo(Path dir) {
        List<Entry> out = new ArrayList<>();
        try {
            // Unreadable inputs: exit 2, one line.
            bytes(dir, "binary.log", binary(), out, 2, "not a text file");
            bytes(dir, "nul-in-text.txt", (BAD_REQUEST + "\0").getBytes(StandardCharsets.UTF_8), out, 2, "not a text file");
            // Not UTF-8 but plausible Windows-1252 text ("Ã(", "aÀ¯"): read as such, as Notepad's ANSI files are.
            bytes(dir, "bad-utf8.txt", concat(BAD_REQUEST.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28}), out, 0,
                    null);
            bytes(dir, "overlong-utf8.txt", new byte[] {'a', (byte) 0xC0, (byte) 0xAF}, out, 3, null);
            // Neither UTF-8 nor text in Windows-1252: control bytes, or a byte that code page leaves undefined.
            bytes(dir, "bad-utf8-control-bytes.txt", concat(BAD_REQUEST.getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0xC3, 0x01, 0x02}), out, 2, "not a text file");
            bytes(dir, "undefined-in-cp1252.txt", new byte[] {'a', (byte) 0x81, 'b'}, out, 2, "not a text file");
            bytes(dir, "utf16-lone-surrogate.txt", new byte[] {(byte) 0xFF, (byte) 0xFE, 0x00, (byte) 0xD8, 'a', 0}, out, 2,
                    "not a text file");
            huge(dir.resolve("huge.txt"), 10L * 1024 * 1024 + 1);
            out.add(new Entry("huge.txt", 2, "larger than the limit of 10 MB", false));
            text(dir, "empty.txt", "", out, 2, "no error text and no case context");
            text(dir, "blank.txt", "  \n\n\t \r\n", out, 2, "no error text and no case context");
            bytes(dir, "bom-only.txt", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, out, 2, "no error text and no case context");
            text(dir, "malformed.json", "{\"map\": \"Vendors V2\",\n \"error\": \"x\",\n", out, 2, "malformed.json:3");
            text(dir, "not-json.json", "{ this is not json }", out, 2, "not-json.json:1:");
            text(dir, "deep-arrays.json", "[".repeat(100_000), out, 2, "deep-arrays.json:1:1: expected a JSON object");
            text(dir, "deep-objects.json", "{\"a\":".repeat(100_000), out, 2, "invalid JSON: nested deeper than the limit of 64 levels");
            text(dir, "deep-in-field.json", "{\"expected\": " + "[".repeat(100_000) + "}", out, 2, "nested deeper than the limit of 64 levels");
            text(dir, "wrong-type.json", "{\"map\": \"Vendors V2\",\n \"attempts\": \"many\"}", out, 2,
                    "wrong-type.json:2:14: field 'attempts': expected a whole number");
            text(dir, "wrong-root.json", "[1, 2, 3]", out, 2, "wrong-root.json:1:1: expected a JSON object");
            text(dir, "huge-number.json", "{\"attempts\": " + "9".repeat(5_000) + "}", out, 2, "invalid JSON: a number longer than the limit of 100 digits");
            text(dir, "long-name.json", "{\"" + "k".repeat(200_000) + "\": 1}", out, 2, "long-name.json:1:");
            text(dir, "duplicate-field.json", "{\"map\": \"a\", \"map\": \"b\"}", out, 2, "duplicate");
            text(dir, "trailing.json", "{\"map\": \"a\"} {\"map\": \"b\"}", out, 2, "trailing.json:1:");
            text(dir, "yaml-bomb.yaml", yamlBomb(), out, 2, "yaml-bomb.yaml:1:4: YAML anchors and aliases");
            text(dir, "yaml-deep.yaml", "a:\n" + nestedYaml(200), out, 2, "yaml-deep.yaml");
            text(dir, "yaml-broken.yaml", "map: [unclosed\nstatus: x\n", out, 2, "yaml-broken.yaml:");
            // Readable, if odd: a case, evaluated.
            bytes(dir, "utf16le-bom.txt", utf16(BAD_REQUEST, true), out, 0, null);
            bytes(dir, "utf16be-bom.txt", utf16(BAD_REQUEST, false), out, 0, null);
            text(dir, "crlf-markdown.txt", "*(\\[Forbidden\\], The remote server\r\nreturned an error: (403) Forbidden.), AX export encountered an error*\r\n",
                    out, 0, null);
            text(dir, "unknown-field.json", "{\"error\": \"" + BAD_REQUEST + "\", \"colour\": \"blue\"}", out, 0, null);
            text(dir, "status-only.json", "{\"map\": \"Vendors V2\", \"status\": \"Running\"}", out, 0, null);
            // A CSV export whose second row opens a quote it never closes: diagnose and batch keep the readable
            // case and make the rest one problem with its line (diagnose: exit 7, one line on stderr).
            text(dir, "unbalanced-quotes.csv", "case_id,message\nc1,\"" + BAD_REQUEST + "\"\nc2,\"x\nc3,y\n", out, 7,
                    "unbalanced-quotes.csv:3: unbalanced double quote");
            text(dir, "adversarial-resolve.txt", repeat("Couldn't resolve the guid for the field:", 1 << 20), out, -1, null);
            text(dir, "adversarial-following.txt", repeat(", the following error", 1 << 20), out, -1, null);
            text(dir, "adversarial-brackets.txt", repeat("(\\[`*_'\"", 1 << 20), out, -1, null);
            text(dir, "adversarial-backslashes.txt", repeat("\\", 1 << 20), out, -1, null);
            text(dir, "adversarial-wrapper.txt", "Initial Sync completed with status: Error\n" + repeat("Message: x ", 1 << 20), out, -1, null);
            // Rules that misbehave on a readable case: exit 4 with the misbehaving rules folder.
            text(dir, "loop.json", "{\"map\": \"" + MisbehavingRules.LOOP + "\", \"error\": \"" + BAD_REQUEST + "\"}", out, 4,
                    "rule 'loops forever' fired", true);
            text(dir, "sleep.json", "{\"map\": \"" + MisbehavingRules.SLEEP + "\", \"error\": \"" + BAD_REQUEST + "\"}", out, 4,
                    "rule 'sleeps a minute' ran past the time limit", true);
            text(dir, "throw.json", "{\"map\": \"" + MisbehavingRules.THROW + "\", \"error\": \"" + BAD_REQUEST + "\"}", out, 4,
                    "rule 'throws' failed: IllegalStateException: boom from a rule", true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void text(Path dir, String name, String content, List<Entry> out, int exit, String reason) throws IOException {
        text(dir, name, content, out, exit, reason, false);
    }

    private static void text(Path dir, String name, String content, List<Entry> out, int exit, String reason, boolean rules)
            throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        out.add(new Entry(name, exit, reason, rules));
    }

    private static void bytes(Path dir, String name, byte[] content, List<Entry> out, int exit, String reason) throws IOException {
        Files.write(dir.resolve(name), content);
        out.add(new Entry(name, exit, reason, false));
    }

    private static byte[] binary() {
        byte[] b = new byte[64 * 1024];
        new Random(6).nextBytes(b);
        b[10] = 0;
        return b;
    }

    private static void huge(Path file, long size) throws IOException {
        byte[] line = (BAD_REQUEST + "\n").getBytes(StandardCharsets.UTF_8);
        try (OutputStream os = Files.newOutputStream(file)) {
            long written = 0;
            while (written < size) {
                int n = (int) Math.min(line.length, size - written);
                os.write(line, 0, n);
                written += n;
            }
        }
    }

    private static byte[] utf16(String s, boolean little) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (little) {
            b.write(0xFF);
            b.write(0xFE);
            b.writeBytes(s.getBytes(StandardCharsets.UTF_16LE));
        } else {
            b.write(0xFE);
            b.write(0xFF);
            b.writeBytes(s.getBytes(StandardCharsets.UTF_16BE));
        }
        return b.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Billion laughs: nine levels of nine aliases each. */
    static String yamlBomb() {
        StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            sb.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) {
                sb.append(i == 0 ? "" : ",").append('*').append(p);
            }
            sb.append("]\n");
        }
        sb.append("error: *i\n");
        return sb.toString();
    }

    private static String nestedYaml(int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= depth; i++) {
            sb.append("  ".repeat(i)).append("k").append(i).append(":\n");
        }
        sb.append("  ".repeat(depth + 1)).append("v\n");
        return sb.toString();
    }

    private static String repeat(String unit, int size) {
        StringBuilder sb = new StringBuilder(size + unit.length());
        while (sb.length() < size) {
            sb.append(unit);
        }
        sb.setLength(size);
        return sb.toString();
    }
}
