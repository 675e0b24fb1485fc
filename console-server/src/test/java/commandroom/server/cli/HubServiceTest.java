package commandroom.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Eventually;
import commandroom.server.testing.HubProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hub as the service runs it: settings from a configuration file, a health endpoint that
 * monitoring can poll, and a log of one JSON object per line. And the shipped example file
 * documents every option the hub reads.
 */
class HubServiceTest {

    private static final Pattern JSON_LINE = Pattern.compile(
            "\\{\"time\":\"[0-9T:.\\-]+Z\",\"level\":\"(ERROR|WARN|INFO|DEBUG|TRACE)\",\"service\":\"commandroom-hub\","
                    + "\"logger\":\"[^\"]*\",\"thread\":\"[^\"]*\",\"message\":\".*\"(,\"error\":\".*\")?}");

    @Test
    void theHubReadsItsConfigurationFileServesHealthAndLogsJson() throws Exception {
        Path dir = Files.createTempDirectory("hub-service");
        Path conf = dir.resolve("hub.conf");
        Files.writeString(conf, """
                # as /etc/commandroom/hub.conf
                health-port = 0
                log-format = json
                password-cost = 4
                """, StandardCharsets.UTF_8);
        try (HubProcess hub = HubProcess.prepare(dir.resolve("data"), null, "--config", conf.toString())) {
            hub.start();
            assertTrue(hub.healthPort() > 0, "the READY line names the health port");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + hub.healthPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());
            assertEquals("application/json; charset=utf-8", health.headers().firstValue("content-type").orElse(""));
            assertTrue(health.body().matches("\\{\"status\":\"SERVING\",\"database\":\"ok\",\"lastSequence\":[1-9]\\d*,"
                    + "\"subscribers\":0,\"uptimeSeconds\":\\d+}\\s*"), health.body());
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + hub.healthPort() + "/health"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());

            hub.login("duty1").close();
            Eventually.until("the start is logged", Duration.ofSeconds(5), () -> read(hub.logFile()).stream()
                    .anyMatch(l -> l.contains("hub serving on 127.0.0.1:" + hub.port())));
            List<String> lines = read(hub.logFile());
            assertFalse(lines.isEmpty());
            for (String line : lines) {
                assertTrue(JSON_LINE.matcher(line).matches(), "a JSON log line: " + line);
            }
        }
    }

    @Test
    void aMistakeInTheConfigurationFileStopsTheHubWithItsName() throws Exception {
        Path conf = Files.createTempFile("hub", ".conf");
        Files.writeString(conf, "prot = 50443\n", StandardCharsets.UTF_8);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "commandroom.server.HubMain", "--config", conf.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor());
        assertTrue(out.contains(conf + ": unknown setting prot"), out);
    }

    @Test
    void theShippedExampleDocumentsEveryOption() throws Exception {
        String example = Files.readString(Path.of("..", "packaging", "linux", "hub.conf.example"), StandardCharsets.UTF_8);
        for (HubOptions.Option o : HubOptions.SERVICE) {
            assertTrue(Pattern.compile("(?m)^#? ?" + Pattern.quote(o.name()) + " = ").matcher(example).find(),
                    "hub.conf.example documents " + o.name());
        }
        // The example itself is a valid configuration file.
        Path copy = Files.createTempFile("hub", ".conf");
        Files.writeString(copy, example, StandardCharsets.UTF_8);
        assertFalse(HubOptions.readFile(copy).isEmpty());
        String usage = HubCommandLine.usage();
        HubOptions.SERVICE.forEach(o -> assertTrue(usage.contains("--" + o.name() + " "), "--help lists " + o.name()));
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
