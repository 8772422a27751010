package dev.syncdoctor.serve;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reads request bodies within the size limit, and names what they are. */
final class RequestBody {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ._()-]{0,120}");

    private RequestBody() {
    }

    /** The media type of the request, lower case, without parameters ("text/plain"), or "" when none. */
    static String mediaType(Context ctx) {
        String type = ctx.header("Content-Type");
        if (type == null) {
            return "";
        }
        int semi = type.indexOf(';');
        return (semi >= 0 ? type.substring(0, semi) : type).trim().toLowerCase(Locale.ROOT);
    }

    /** Refuses a body whose declared length is over the limit before reading any of it. */
    static void checkDeclaredLength(Context ctx, long limit) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            throw ApiError.tooLarge(limit);
        }
    }

    /** The whole body, at most {@code limit} bytes (413 beyond, whether or not a length was declared). */
    static byte[] read(Context ctx, long limit) {
        checkDeclaredLength(ctx, limit);
        try {
            return readBounded(ctx.req().getInputStream(), limit);
        } catch (IOException e) {
            throw ApiError.badRequest("cannot read the request body: " + e.getMessage());
        }
    }

    static byte[] readBounded(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16_384];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > limit) {
                throw ApiError.tooLarge(limit);
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * A file name sent with a request (query parameter, upload part), used only for its extension and as the
     * result's source; never a path. Null when absent; a 400 when it is not a plain file name.
     */
    static String fileName(String raw, String what) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String name = raw.trim();
        if (!SAFE_NAME.matcher(name).matches() || name.contains("..")) {
            throw ApiError.badRequest(what + ": '" + shorten(name) + "' is not a plain file name (letters, digits, . _ - ( ) and spaces)");
        }
        return name;
    }

    /** The last part of an upload's file name (browsers may send a path), made plain. */
    static String uploadName(String raw, String fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String name = raw.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9 ._()-]", "_");
        while (name.startsWith(".") || name.startsWith("_")) {
            name = name.substring(1);
        }
        if (name.length() > 120) {
            name = name.substring(name.length() - 120);
        }
        return name.isEmpty() ? fallback : name;
    }

    static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
