package commandroom.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.store.Database;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.stub.StreamObserver;
import io.grpc.protobuf.services.HealthStatusManager;
import java.nio.file.Files;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** A hub whose database is gone says so: NOT_SERVING over gRPC health and in the HTTP report. */
class HealthMonitorTest {

    @Test
    void aHubWithoutItsDatabaseIsNotServing() throws Exception {
        Database db = Database.openH2(Files.createTempDirectory("health"));
        HealthStatusManager grpc = new HealthStatusManager();
        try (HealthMonitor monitor = new HealthMonitor(db.dataSource(), grpc, () -> 42, () -> 3, Clock.systemUTC())) {
            HealthReport up = monitor.check();
            assertTrue(up.serving());
            assertEquals(ServingStatus.SERVING, status(grpc));
            assertTrue(up.toJson().startsWith("{\"status\":\"SERVING\",\"database\":\"ok\",\"lastSequence\":42,"
                    + "\"subscribers\":3,"), up.toJson());

            db.close();
            HealthReport down = monitor.check();
            assertFalse(down.serving());
            assertEquals(ServingStatus.NOT_SERVING, status(grpc));
            assertTrue(down.toJson().startsWith("{\"status\":\"NOT_SERVING\",\"database\":\""), down.toJson());
        }
    }

    @Test
    void jsonStringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\nd\\u0001 中文\"", Json.quote("a\"b\\c\nd\u0001 中文"));
    }

    /** What the standard gRPC health service answers a balancer. */
    private static ServingStatus status(HealthStatusManager grpc) {
        HealthCheckResponse[] answer = {null};
        ((HealthGrpc.AsyncService) grpc.getHealthService()).check(HealthCheckRequest.getDefaultInstance(),
                new StreamObserver<>() {
                    @Override
                    public void onNext(HealthCheckResponse r) {
                        answer[0] = r;
                    }

                    @Override
                    public void onError(Throwable t) {
                        throw new AssertionError(t);
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        return answer[0].getStatus();
    }
}
