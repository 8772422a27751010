package dev.syncdoctor.ingest;

import dev.syncdoctor.model.SyncError;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.syncdoctor.ingest.TextScan.*;

/**
 * The HTTP status and reason of an error in every form the texts write them: {@code (403) Forbidden},
 * {@code 403 (Forbidden)}, {@code [Forbidden]}, {@code status code BadRequest}, {@code "status":403}.
 */
final class HttpStatus {

    private static final Pattern PAREN_CODE = Pattern.compile("\\(([1-5]\\d\\d)\\) ?([A-Za-z][A-Za-z ]{0,40})?");
    private static final Pattern CODE_PAREN = Pattern.compile("(?<![\\d.])\\b([1-5]\\d\\d) \\(([A-Za-z][A-Za-z ]{0,40})\\)");
    private static final Pattern STATUS_WORD = Pattern.compile(
            "status code:? ?(BadRequest|Unauthorized|Forbidden|NotFound|MethodNotAllowed|RequestTimeout|Conflict"
                    + "|PreconditionFailed|TooManyRequests|InternalServerError|BadGateway|ServiceUnavailable|GatewayTimeout)\\b");
    private static final Pattern JSON_STATUS = Pattern.compile("\"status\\\\?\" ?: ?([1-5]\\d\\d)\\b");
    private static final Pattern BRACKET_REASON = Pattern.compile("\\[([A-Z][A-Za-z]{1,20}(?: [A-Z][A-Za-z]{1,20}){0,3})\\]");

    private static final Map<Integer, String> REASONS = new LinkedHashMap<>();
    private static final Map<String, Integer> REASON_CODES = new LinkedHashMap<>();

    static {
        reason(400, "Bad Request");
        reason(401, "Unauthorized");
        reason(403, "Forbidden");
        reason(404, "Not Found");
        reason(405, "Method Not Allowed");
        reason(408, "Request Timeout");
        reason(409, "Conflict");
        reason(412, "Precondition Failed");
        reason(429, "Too Many Requests");
        reason(500, "Internal Server Error");
        reason(502, "Bad Gateway");
        reason(503, "Service Unavailable");
        reason(504, "Gateway Timeout");
    }

    private static void reason(int code, String phrase) {
        REASONS.put(code, phrase);
        REASON_CODES.put(phrase.toLowerCase(Locale.ROOT), code);
        REASON_CODES.put(phrase.replace(" ", "").toLowerCase(Locale.ROOT), code);
    }

    /** Reads the HTTP status and reason of an error into it. */
    static void read(String text, SyncError e) {
        int status = 0;
        String reason = null;
        int pos = Integer.MAX_VALUE;
        Matcher m = PAREN_CODE.matcher(text);
        if (m.find()) {
            status = Integer.parseInt(m.group(1));
            reason = reasonFor(status, m.group(2));
            pos = m.start();
        }
        m = text.indexOf(" (") >= 0 ? CODE_PAREN.matcher(text) : null;
        if (m != null && m.find() && m.start() < pos) {
            status = Integer.parseInt(m.group(1));
            reason = reasonFor(status, m.group(2));
        }
        if (status == 0 && text.contains("status code")) {
            m = STATUS_WORD.matcher(text);
            if (m.find()) {
                Integer code = REASON_CODES.get(m.group(1).toLowerCase(Locale.ROOT));
                if (code != null) {
                    status = code;
                    reason = REASONS.get(code);
                }
            }
        }
        if (status == 0 && text.contains("\"status")) {
            m = JSON_STATUS.matcher(text);
            if (m.find()) {
                status = Integer.parseInt(m.group(1));
            }
        }
        m = text.indexOf('[') >= 0 ? BRACKET_REASON.matcher(text) : null;
        while (m != null && m.find()) {
            Integer code = REASON_CODES.get(m.group(1).toLowerCase(Locale.ROOT));
            if (code != null) {
                if (status == 0) {
                    status = code;
                }
                if (reason == null && code == status) {
                    reason = m.group(1);
                }
                break;
            }
        }
        if (status != 0 && reason == null) {
            reason = REASONS.get(status);
        }
        e.setHttpStatus(status);
        e.setHttpReason(reason);
    }

    private static String reasonFor(int status, String written) {
        if (written == null || written.isBlank()) {
            return REASONS.get(status);
        }
        String w = written.trim();
        String standard = REASONS.get(status);
        if (standard != null && w.regionMatches(true, 0, standard, 0, standard.length())
                && (w.length() == standard.length() || w.charAt(standard.length()) == ' ')) {
            return w.substring(0, standard.length());
        }
        int space = w.indexOf(' ');
        return standard == null && space > 0 ? w : (space > 0 ? w.substring(0, space) : w);
    }

    private HttpStatus() {
    }
}
