package dev.syncdoctor.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one decoder from an input's bytes to text, for every format. UTF-8 (a BOM is skipped) and UTF-16
 * with a BOM are read as such. Bytes that are not UTF-8 but read as plausible Windows-1252 text (what
 * Notepad saves as "ANSI" and Excel as "CSV" in Western locales; its printable characters include all of
 * Latin-1's) are read as Windows-1252, with a note in the verbose log. NUL bytes, control characters
 * other than tab, line and page breaks, or bytes Windows-1252 does not define make the input "not a
 * text file".
 */
public final class TextDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(TextDecoder.class);
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    public static String decode(byte[] bytes, String source) throws InputException {
        int offset = 0;
        Charset charset = StandardCharsets.UTF_8;
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            offset = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            offset = 2;
            charset = StandardCharsets.UTF_16BE;
        } else if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            offset = 2;
            charset = StandardCharsets.UTF_16LE;
        }
        if (charset == StandardCharsets.UTF_8) {
            for (int i = offset; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    throw notText(source);
                }
            }
        }
        try {
            String text = strict(charset, bytes, offset);
            if (charset != StandardCharsets.UTF_8 && text.indexOf('\0') >= 0) {
                throw notText(source);
            }
            return text;
        } catch (CharacterCodingException e) {
            if (charset != StandardCharsets.UTF_8 || offset > 0) {
                throw notText(source);
            }
        }
        String text;
        try {
            text = strict(WINDOWS_1252, bytes, 0);
        } catch (CharacterCodingException e) {
            throw notText(source);
        }
        if (!plausibleText(text)) {
            throw notText(source);
        }
        LOG.info("{}: not UTF-8; read as Windows-1252 text", source);
        return text;
    }

    private static String strict(Charset charset, byte[] bytes, int offset) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString();
    }

    /** No control characters but tab, line feed, carriage return and form feed: what text editors write. */
    private static boolean plausibleText(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    private static InputException notText(String source) {
        return new InputException(source, "not a text file (binary, or neither UTF-8 nor Windows-1252 text)");
    }
}
