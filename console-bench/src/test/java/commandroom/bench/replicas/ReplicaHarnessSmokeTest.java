package commandroom.bench.replicas;

import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.PostgresServer;
import org.junit.jupiter.api.Test;

/**
 * The replica harness at smoke sizes, as CI runs it: on the PostgreSQL that COMMANDROOM_TEST_PG_URL
 * names (or the tests' own cluster), one hub against two replicas, cross-replica delivery, and
 * two SIGKILLs of the replica in use (one each way); nothing lost, skipped or repeated, every
 * figure measured.
 */
class ReplicaHarnessSmokeTest {

    @Test
    void replicasLoseNothingAndEveryFigureIsMeasured() throws Exception {
        // A database of the tests' own on that server: the harness makes its databases through it.
        PostgresServer.Db admin = PostgresServer.get().newDatabase();
        ReplicaHarness.Result r = ReplicaHarness.run(ReplicaOptions.parse("--quick", "--pg-url", admin.url(),
                "--pg-user", admin.user(), "--pg-password", admin.password()));
        assertTrue(r.clean(), r.render());
        assertTrue(r.everyFigureMeasured(), r.render());
    }
}
