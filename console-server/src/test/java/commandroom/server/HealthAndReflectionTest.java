package commandroom.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Operations tools work without a token: gRPC health says SERVING, reflection lists our services. */
class HealthAndReflectionTest {

    @Test
    void healthServesAndReflectionListsTheServices() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2)) {
            ManagedChannel ch = HubClient.channel("127.0.0.1", hub.port(), hub.certificate());
            try {
                assertEquals(HealthCheckResponse.ServingStatus.SERVING, HealthGrpc.newBlockingStub(ch)
                        .withDeadlineAfter(5, TimeUnit.SECONDS).check(HealthCheckRequest.getDefaultInstance()).getStatus());
                CompletableFuture<List<String>> names = new CompletableFuture<>();
                var req = ServerReflectionGrpc.newStub(ch).withDeadlineAfter(5, TimeUnit.SECONDS)
                        .serverReflectionInfo(new StreamObserver<ServerReflectionResponse>() {
                            @Override
                            public void onNext(ServerReflectionResponse r) {
                                names.complete(r.getListServicesResponse().getServiceList().stream()
                                        .map(s -> s.getName()).toList());
                            }

                            @Override
                            public void onError(Throwable t) {
                                names.completeExceptionally(t);
                            }

                            @Override
                            public void onCompleted() {
                            }
                        });
                req.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
                List<String> services = names.get(5, TimeUnit.SECONDS);
                req.onCompleted();
                assertTrue(services.containsAll(List.of("commandroom.v1.AuthService", "commandroom.v1.CommandService",
                        "commandroom.v1.FieldService", "grpc.health.v1.Health")), services.toString());
            } finally {
                ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }
}
