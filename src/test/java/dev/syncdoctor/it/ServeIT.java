package dev.syncdoctor.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code syncdoctor serve} from the packaged jar: it prints its address, answers there, and stops on a signal. */
class ServeIT {
    private static final Pattern URL = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/)");

    @Test
    void servesThePageAndTheApiFromThePackagedJar() throws Exception {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                PackagedCli.jar().toString(), "serve", "--port", "0");
        Process p = new ProcessBuilder(command).directory(Path.of(".").toFile()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).as("first line").isNotNull();
            Matcher m = URL.matcher(line);
            assertThat(m.find()).as(line).isTrue();
            String base = m.group(1);
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("syncdoctor");
            HttpResponse<String> diagnosed = client.send(HttpRequest.newBuilder(URI.create(base + "api/v1/diagnose"))
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("([Bad Request], The remote server returned an error: (400) Bad Request.), AX export encountered an error"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(diagnosed.statusCode()).isEqualTo(200);
            assertThat(diagnosed.body()).contains("dixf-service-stopped");
        } finally {
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        }
    }
}
