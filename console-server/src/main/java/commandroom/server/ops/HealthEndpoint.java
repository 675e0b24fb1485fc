package commandroom.server.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

/**
 * GET /health over plain HTTP, for the things that watch a service and speak no gRPC (systemd
 * watchdogs, Zabbix, a load balancer, curl): 200 and a JSON report when the hub serves, 503 when
 * it does not. Plain HTTP on purpose: it carries no police data, and it listens on loopback
 * unless the installer opens it. Requests are served on one daemon thread.
 */
public final class HealthEndpoint implements AutoCloseable {

    private final HttpServer server;

    private HealthEndpoint(HttpServer server) {
        this.server = server;
    }

    /** Starts listening on host:port (0 picks a free port). */
    public static HealthEndpoint start(String host, int port, HealthMonitor monitor) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 16);
        server.createContext("/health", exchange -> answer(exchange, monitor));
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "hub-health-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        return new HealthEndpoint(server);
    }

    private static void answer(HttpExchange exchange, HealthMonitor monitor) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            HealthReport report = monitor.check();
            byte[] body = (report.toJson() + "\n").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(report.serving() ? 200 : 503, head ? -1 : body.length);
            if (!head) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
