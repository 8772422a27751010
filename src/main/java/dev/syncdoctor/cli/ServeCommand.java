package dev.syncdoctor.cli;

import dev.syncdoctor.knowledge.KnowledgeCache;
import dev.syncdoctor.knowledge.RuleProblem;
import dev.syncdoctor.knowledge.RulesCompileException;
import dev.syncdoctor.serve.ServeSettings;
import dev.syncdoctor.serve.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code syncdoctor serve}: the web workbench and the HTTP API, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the web workbench (diagnose, batch, knowledge, rules status) and the HTTP API.",
                "Listens on loopback by default; beyond loopback an access token is required"
                        + " (--token or the SYNCDOCTOR_TOKEN environment variable).",
                "Changes to the rules folder are compiled in the background and take effect when they compile."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped", "2:usage error (bad option, port in use, no token beyond loopback)",
                "4:rules failed to compile at start"})
public final class ServeCommand implements Callable<Integer> {
    static final String TOKEN_ENV = "SYNCDOCTOR_TOKEN";

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = ServeSettings.DEFAULT_HOST,
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Access token API calls must send as 'Authorization: Bearer TOKEN'. Default: $" + TOKEN_ENV
                    + " (prefer it: a command line is visible to other users).")
    String token;

    @Option(names = "--insecure-no-token",
            description = "Listen beyond loopback without a token: anyone who reaches the port can use the API.")
    boolean insecureNoToken;

    @Option(names = "--max-input-bytes", paramLabel = "BYTES", defaultValue = "10485760",
            description = "Refuse request bodies larger than this (413). Default: ${DEFAULT-VALUE} (10 MB).")
    long maxInputBytes;

    @Option(names = "--max-concurrent", paramLabel = "N",
            description = "Requests evaluated at once. Default: the number of processors.")
    Integer maxConcurrent;

    @Option(names = "--max-queued", paramLabel = "N", defaultValue = "128",
            description = "Requests waiting for a slot; more are refused with 503 and Retry-After. Default: ${DEFAULT-VALUE}.")
    int maxQueued;

    @Option(names = "--request-time-limit", paramLabel = "SECONDS", defaultValue = "120",
            description = "Stop a request (a whole batch) after this long. Default: ${DEFAULT-VALUE}.")
    long requestSeconds;

    @Option(names = "--facts", paramLabel = "DIR",
            description = "Example cases shown with each known issue. Default: ./facts if present.")
    Path factsDir;

    @Mixin
    KnowledgeOptions knowledge;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        WebServer server;
        try {
            server = WebServer.start(settings());
        } catch (CommandFailure f) {
            err.println("syncdoctor: " + f.getMessage());
            return f.exitCode();
        } catch (RulesCompileException e) {
            for (RuleProblem p : e.problems()) {
                err.println(p.format());
            }
            err.println("syncdoctor: rules did not compile: " + e.problems().size() + (e.problems().size() == 1 ? " error" : " errors"));
            return ExitCode.RULES;
        } catch (IOException e) {
            err.println("syncdoctor: " + e.getMessage());
            return ExitCode.INPUT;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "serve-stop"));
        out.println("syncdoctor serve: listening on " + server.url() + (token() == null ? "" : " (token required)"));
        out.println("API: " + server.url() + "api/v1/openapi.json; stop with Ctrl-C");
        out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return ExitCode.OK;
    }

    private String token() {
        if (token != null && !token.isBlank()) {
            return token;
        }
        String env = System.getenv(TOKEN_ENV);
        return env == null || env.isBlank() ? null : env;
    }

    private ServeSettings settings() throws CommandFailure {
        if (port < 0 || port > 65_535) {
            throw new CommandFailure(ExitCode.INPUT, "--port must be between 0 and 65535");
        }
        if (maxInputBytes <= 0) {
            throw new CommandFailure(ExitCode.INPUT, "--max-input-bytes must be at least 1");
        }
        int concurrent = maxConcurrent == null ? Runtime.getRuntime().availableProcessors() : maxConcurrent;
        if (concurrent < 1 || maxQueued < 0 || requestSeconds < 1) {
            throw new CommandFailure(ExitCode.INPUT, "--max-concurrent and --request-time-limit must be at least 1, --max-queued at least 0");
        }
        String t = token();
        if (t == null && !insecureNoToken && !ServeSettings.isLoopback(host)) {
            throw new CommandFailure(ExitCode.INPUT, "--host " + host + " is reachable from other machines: give a token (--token or $"
                    + TOKEN_ENV + "), or --insecure-no-token to serve without one");
        }
        Path rules = knowledge.rulesFolder();
        if (rules != null && !Files.isDirectory(rules)) {
            throw new CommandFailure(ExitCode.INPUT, rules + ": no such rules folder"
                    + (knowledge.rulesDir == null ? " ($" + KnowledgeOptions.RULES_ENV + ")" : ""));
        }
        Path facts = factsDir != null ? factsDir : Files.isDirectory(Path.of("facts")) ? Path.of("facts") : null;
        if (facts != null && !Files.isDirectory(facts)) {
            throw new CommandFailure(ExitCode.INPUT, facts + ": no such facts folder");
        }
        Path cache = knowledge.noCache ? null : knowledge.cacheDir != null ? knowledge.cacheDir : KnowledgeCache.defaultDirectory();
        return new ServeSettings(host, port, t, insecureNoToken, knowledge.limits(), maxInputBytes, concurrent, maxQueued,
                Duration.ofSeconds(requestSeconds), rules, cache, facts, Duration.ofSeconds(1));
    }
}
