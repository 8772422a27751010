package dev.syncdoctor.serve;

/**
 * A request the server refuses, with the HTTP status and the one-line reason the CLI would print. Sent as
 * {@code {"status": 400, "error": "..."}}; a 503 carries how many seconds to wait before retrying.
 */
final class ApiError extends RuntimeException {
    private final int status;
    private final int retryAfterSeconds;

    ApiError(int status, String message) {
        this(status, message, 0);
    }

    ApiError(int status, String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static ApiError badRequest(String message) {
        return new ApiError(400, message);
    }

    static ApiError tooLarge(long limit) {
        return new ApiError(413, "request body is larger than the limit of " + limit + " bytes (raise --max-input-bytes)");
    }

    static ApiError unsupported(String type, String accepted) {
        return new ApiError(415, "content type '" + (type == null || type.isBlank() ? "(none)" : type)
                + "' is not accepted here; send " + accepted);
    }

    int status() {
        return status;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
