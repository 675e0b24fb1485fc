package commandroom.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.TestHub;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A client we did not write talks to the hub: Node's @grpc/grpc-js loads our .proto files and
 * drives one loop over TLS (clients/node/loop.js). Needs node and npm; installs the client's
 * locked dependencies if they are missing.
 */
class NodeClientTest {

    private static final Path CLIENT = Path.of("..", "clients", "node").toAbsolutePath().normalize();

    @Test
    void nodeClientDrivesOneLoopOverTls() throws Exception {
        if (!Files.isDirectory(CLIENT.resolve("node_modules"))) {
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), CLIENT, 300);
        }
        try (TestHub hub = TestHub.start(Backend.H2)) {
            ProcessBuilder pb = new ProcessBuilder("node", "loop.js").directory(CLIENT.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(new File("target/node-client.log")));
            pb.environment().put("HUB_ADDRESS", "127.0.0.1:" + hub.port());
            pb.environment().put("HUB_CA_CERT", hub.certificate().toString());
            pb.environment().put("PROTO_DIR", CLIENT.resolve("../../console-proto/src/main/protobuf").normalize().toString());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "node client finished");
            assertEquals(0, p.exitValue(), "node client succeeded (see target/node-client.log): " + out);
            assertTrue(out.contains("\"ok\":true"), out);
            assertTrue(out.contains("\"taskStatus\":\"TASK_STATUS_CLOSED\""), out);
        }
    }

    private static void run(List<String> cmd, Path dir, int seconds) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError(String.join(" ", cmd) + " failed: " + out);
        }
    }
}
