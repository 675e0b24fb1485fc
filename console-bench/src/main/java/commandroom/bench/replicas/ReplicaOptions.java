package commandroom.bench.replicas;

import java.nio.file.Path;
import java.util.List;

/**
 * The replica harness's options. PostgreSQL is required: replicas share one. {@code --quick} sets
 * the smoke sizes; a size given explicitly still overrides it.
 *
 * @param pgUrl        a database on the server; each part makes (and drops) one of its own there
 * @param rate         reports per second in the paced window, both officers together
 * @param reports      reports in the paced window, per set-up
 * @param warmUp       reports before the window, per set-up, not measured
 * @param burst        reports in the bursts, per set-up (two bursts of half each)
 * @param inFlight     calls in flight in a burst
 * @param kills        SIGKILLs in the failover part
 * @param dispatchRate dispatches per second in the failover part
 * @param betweenMillis steady dispatching before each kill
 */
record ReplicaOptions(String pgUrl, String pgUser, String pgPassword, int rate, int reports, int warmUp,
                      int burst, int inFlight, int kills, int dispatchRate, long betweenMillis, Path out) {

    static final String USAGE = """
            ReplicaHarness --pg-url jdbc:postgresql://HOST:PORT/DB [--pg-user U] [--pg-password P]
                [--rate 100] [--reports 2000] [--warm-up 1000] [--burst 2000] [--in-flight 64]
                [--kills 10] [--dispatch-rate 20] [--between-ms 2000] [--quick] [--out FILE]
            """;

    static ReplicaOptions parse(String... args) {
        List<String> a = List.of(args);
        boolean quick = a.contains("--quick");
        String url = value(a, "--pg-url", null);
        if (url == null) {
            throw new IllegalArgumentException("--pg-url is required (replicas share one PostgreSQL)\n" + USAGE);
        }
        String out = value(a, "--out", null);
        return new ReplicaOptions(url, value(a, "--pg-user", "postgres"), value(a, "--pg-password", ""),
                number(a, "--rate", 100), number(a, "--reports", quick ? 200 : 2000),
                number(a, "--warm-up", quick ? 100 : 1000), number(a, "--burst", quick ? 200 : 2000),
                number(a, "--in-flight", 64), number(a, "--kills", quick ? 2 : 10),
                number(a, "--dispatch-rate", 20), number(a, "--between-ms", quick ? 1000 : 2000),
                out == null ? null : Path.of(out));
    }

    private static String value(List<String> a, String flag, String fallback) {
        int i = a.indexOf(flag);
        return i >= 0 && i + 1 < a.size() ? a.get(i + 1) : fallback;
    }

    private static int number(List<String> a, String flag, int fallback) {
        String v = value(a, flag, null);
        return v == null ? fallback : Integer.parseInt(v);
    }
}
