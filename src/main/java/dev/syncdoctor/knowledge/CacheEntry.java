package dev.syncdoctor.knowledge;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One cache file: magic, format, the warnings of the classic compile, the executable-model module jar,
 * and a SHA-256 of all that, so a truncated or damaged entry is detected instead of loaded.
 */
record CacheEntry(List<RuleProblem> warnings, byte[] module) {
    /** Changes whenever the layout of an entry or what goes into the key changes. */
    static final int FORMAT = 1;
    private static final byte[] MAGIC = "SYNCDOCTOR-KB\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DIGEST_BYTES = 32;

    byte[] encode() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(module.length + 1024);
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(warnings.size());
        for (RuleProblem w : warnings) {
            writeString(out, w.file());
            out.writeInt(w.line());
            out.writeInt(w.column());
            writeString(out, w.message());
            out.writeBoolean(w.error());
        }
        out.writeInt(module.length);
        out.write(module);
        out.flush();
        byte[] body = bytes.toByteArray();
        out.write(CacheKey.sha256().digest(body));
        out.flush();
        return bytes.toByteArray();
    }

    static CacheEntry decode(byte[] content) throws IOException {
        if (content.length < MAGIC.length + DIGEST_BYTES
                || !Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException("not a syncdoctor cache entry");
        }
        int bodyLength = content.length - DIGEST_BYTES;
        MessageDigest sha = CacheKey.sha256();
        sha.update(content, 0, bodyLength);
        if (!Arrays.equals(sha.digest(), 0, DIGEST_BYTES, content, bodyLength, content.length)) {
            throw new IOException("checksum mismatch (truncated or damaged)");
        }
        ByteBuffer in = ByteBuffer.wrap(content, MAGIC.length, bodyLength - MAGIC.length);
        try {
            int format = in.getInt();
            if (format != FORMAT) {
                throw new IOException("entry format " + format + ", expected " + FORMAT);
            }
            int count = in.getInt();
            if (count < 0 || count > 100_000) {
                throw new IOException("bad warning count " + count);
            }
            List<RuleProblem> warnings = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String file = readString(in);
                int line = in.getInt();
                int column = in.getInt();
                String message = readString(in);
                boolean error = in.get() != 0;
                warnings.add(new RuleProblem(file, line, column, message, error));
            }
            int length = in.getInt();
            if (length < 0 || length != in.remaining()) {
                throw new IOException("bad module length " + length);
            }
            byte[] module = new byte[length];
            in.get(module);
            return new CacheEntry(warnings, module);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException("entry ends early", e);
        }
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(ByteBuffer in) throws IOException {
        int length = in.getInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.remaining()) {
            throw new IOException("bad string length " + length);
        }
        byte[] b = new byte[length];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
