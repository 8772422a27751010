package dev.syncdoctor.serve;

import dev.syncdoctor.engine.EvaluationLimits;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How {@code serve} runs: where it listens, who may call it, and the bounds on every request.
 *
 * @param host            address to listen on (loopback by default)
 * @param port            port; 0 picks a free one (tests)
 * @param token           access token every API call must carry, or null (only allowed on loopback, or with the opt-out)
 * @param allowsNoToken   the user's explicit opt-out: listen beyond loopback with no token
 * @param limits          bounds of one case's rule session (the CLI's --max-firings, --time-limit)
 * @param maxInputBytes   largest request body accepted (the CLI's --max-input-bytes)
 * @param maxConcurrent   requests evaluated at once
 * @param maxQueued       requests waiting for a slot; one more is answered 503 with Retry-After
 * @param requestTimeLimit how long one request (a whole batch) may evaluate before it is cut short
 * @param rulesDir        rules folder (watched for changes), or null for ./rules if present, else the installation's rules/, else the bundled copy
 * @param cacheDir        compiled-rules cache folder, or null for none
 * @param factsDir        example cases shown with each known issue, or null for none
 * @param reloadInterval  how often the rules folder is checked for changes
 */
public record ServeSettings(String host, int port, String token, boolean allowsNoToken, EvaluationLimits limits, long maxInputBytes,
                            int maxConcurrent, int maxQueued, Duration requestTimeLimit, Path rulesDir, Path cacheDir,
                            Path factsDir, Duration reloadInterval) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ServeSettings {
        if (maxInputBytes <= 0 || maxConcurrent <= 0 || maxQueued < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (token != null && token.isBlank()) {
            token = null;
        }
    }

    /** Settings for a loopback server on {@code port} with the CLI's default bounds. */
    public static ServeSettings loopback(int port, Path rulesDir, Path factsDir) {
        return new ServeSettings(DEFAULT_HOST, port, null, false, EvaluationLimits.DEFAULT, 10L * 1024 * 1024,
                Runtime.getRuntime().availableProcessors(), 128, Duration.ofSeconds(120), rulesDir, null, factsDir,
                Duration.ofSeconds(1));
    }

    public ServeSettings withToken(String newToken) {
        return new ServeSettings(host, port, newToken, allowsNoToken, limits, maxInputBytes, maxConcurrent, maxQueued, requestTimeLimit,
                rulesDir, cacheDir, factsDir, reloadInterval);
    }

    public ServeSettings withBounds(long newMaxInputBytes, int newMaxConcurrent, int newMaxQueued) {
        return new ServeSettings(host, port, token, allowsNoToken, limits, newMaxInputBytes, newMaxConcurrent, newMaxQueued,
                requestTimeLimit, rulesDir, cacheDir, factsDir, reloadInterval);
    }

    /** True when {@code host} names only this machine (127.0.0.0/8, ::1, localhost). */
    public static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
