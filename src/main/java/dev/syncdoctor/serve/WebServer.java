package dev.syncdoctor.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncdoctor.knowledge.RulesCompileException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code syncdoctor serve}: the web workbench and the HTTP API on one embedded server (Javalin on Jetty),
 * a thin adapter over the core API. Routes, the security filters every request passes, and errors as JSON.
 */
public final class WebServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The page's own script and style only: nothing inline, nothing from elsewhere, no framing. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private final ServeSettings settings;
    private final LiveRules rules;
    private final Javalin app;
    private final byte[] tokenBytes;
    private final boolean checkHost;

    private WebServer(ServeSettings settings, LiveRules rules, ExampleShelf examples) {
        this.settings = settings;
        this.rules = rules;
        this.tokenBytes = settings.token() == null ? null : settings.token().getBytes(StandardCharsets.UTF_8);
        // On loopback with no token, only a page of this machine may call: a page elsewhere could resolve its
        // own name to 127.0.0.1 (DNS rebinding) and would send that name as Host.
        this.checkHost = settings.token() == null && ServeSettings.isLoopback(settings.host());
        WorkGate gate = new WorkGate(settings.maxConcurrent(), settings.maxQueued(), settings.limits().timeLimit().plusSeconds(5));
        DiagnoseEndpoint diagnose = new DiagnoseEndpoint(rules, gate, settings.maxInputBytes());
        BatchEndpoint batch = new BatchEndpoint(rules, gate, settings.maxInputBytes(), settings.requestTimeLimit());
        KnowledgeEndpoints knowledge = new KnowledgeEndpoints(rules, examples, gate);
        PageAssets page = new PageAssets();

        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.http.prefer405over404 = true;
            cfg.http.maxRequestSize = settings.maxInputBytes();
            cfg.router.ignoreTrailingSlashes = true;
        });
        app.before(this::guard);
        app.get("/", page::index);
        app.get("/assets/{name}", page::asset);
        app.get("/api/v1/openapi.json", page::openApi);
        app.post("/api/v1/diagnose", diagnose::handle);
        app.post("/api/v1/batch", batch::handle);
        app.get("/api/v1/issues", knowledge::issues);
        app.get("/api/v1/issues/{id}", knowledge::issue);
        app.get("/healthz", knowledge::health);
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage(), e.retryAfterSeconds()));
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), httpReason(e), 0));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.warn("internal error on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error: " + e.getClass().getSimpleName(), 0);
        });
    }

    /** Loads the rules (their errors stop the start), reads the examples and starts listening. */
    public static WebServer start(ServeSettings settings) throws IOException, RulesCompileException {
        if (settings.token() == null && !ServeSettings.isLoopback(settings.host()) && !settings.allowsNoToken()) {
            throw new IllegalArgumentException("a token is required to listen beyond loopback");
        }
        LiveRules rules = LiveRules.start(settings);
        WebServer server = new WebServer(settings, rules, ExampleShelf.read(settings.factsDir()));
        try {
            server.app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            rules.close();
            throw new IOException("cannot listen on " + settings.host() + ":" + settings.port() + ": " + rootMessage(e), e);
        }
        return server;
    }

    public int port() {
        return app.port();
    }

    /** The address to open in a browser. */
    public String url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port() + "/";
    }

    LiveRules rules() {
        return rules;
    }

    /** Security headers on every answer; the token and the Host check on everything but the page's own files. */
    private void guard(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
        if (checkHost && !localHost(ctx.header("Host"))) {
            throw new ApiError(403, "requests must name this machine (localhost or a loopback address) as Host");
        }
        String path = ctx.path();
        boolean open = path.equals("/") || path.startsWith("/assets/") || path.equals("/api/v1/openapi.json");
        if (tokenBytes != null && !open && !tokenMatches(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"syncdoctor\"");
            throw new ApiError(401, "an access token is required: send 'Authorization: Bearer <token>'");
        }
    }

    private boolean tokenMatches(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, tokenBytes);
    }

    static boolean localHost(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String h = hostHeader.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 && h.substring(1, end).equals("::1");
        }
        int colon = h.indexOf(':');
        String name = colon >= 0 ? h.substring(0, colon) : h;
        return name.equals("localhost") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }

    /**
     * An error as JSON with the one-line reason. When a streamed answer has already begun, the status can no
     * longer change: the error becomes the stream's last line instead.
     */
    static void error(Context ctx, int status, String message, int retryAfter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("error", message);
        if (ctx.res().isCommitted()) {
            try {
                OutputStream out = ctx.res().getOutputStream();
                out.write((JSON.writeValueAsString(body) + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                LOG.debug("client gone before the error line: {}", e.getMessage());
            }
            return;
        }
        ctx.status(status);
        if (retryAfter > 0) {
            ctx.header("Retry-After", Integer.toString(retryAfter));
        }
        json(ctx, body);
    }

    static void json(Context ctx, Object body) {
        try {
            ctx.contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String httpReason(HttpResponseException e) {
        return switch (e.getStatus()) {
            case 404 -> "no such page or endpoint (GET /api/v1/openapi.json lists the API)";
            case 405 -> "this method is not allowed here (GET /api/v1/openapi.json lists the API)";
            case 413 -> "request body is larger than the limit (raise --max-input-bytes)";
            default -> e.getMessage() == null || e.getMessage().isBlank() ? "request refused" : e.getMessage();
        };
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void close() {
        app.stop();
        rules.close();
    }

    /** The page, its script and style, and the OpenAPI description: resources of the jar, read once. */
    static final class PageAssets {
        private static final String ROOT = "/syncdoctor/web/";
        private final Map<String, byte[]> files = new LinkedHashMap<>();

        PageAssets() {
            for (String name : new String[] {"index.html", "app.js", "app.css", "openapi.json"}) {
                try (InputStream in = WebServer.class.getResourceAsStream(ROOT + name)) {
                    if (in == null) {
                        throw new IllegalStateException("missing resource " + ROOT + name);
                    }
                    files.put(name, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        void index(Context ctx) {
            ctx.contentType("text/html; charset=utf-8").result(files.get("index.html"));
        }

        void openApi(Context ctx) {
            ctx.contentType("application/json").result(files.get("openapi.json"));
        }

        void asset(Context ctx) {
            String name = ctx.pathParam("name");
            String type = switch (name) {
                case "app.js" -> "text/javascript; charset=utf-8";
                case "app.css" -> "text/css; charset=utf-8";
                default -> throw new ApiError(404, "no such asset");
            };
            ctx.contentType(type).result(files.get(name));
        }
    }
}
