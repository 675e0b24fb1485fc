package commandroom.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.server.tls.SelfSignedCertificate;
import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.LoginRequest;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Clients verify the hub's certificate and its host name: every channel used to say the hub was
 * "localhost" whatever it dialled, so any certificate the client trusted passed for any hub (a
 * station's for its county's). A certificate the client does not trust is refused, and so is the
 * right certificate presented for a host it does not name; the hub dialled by an address its
 * certificate names is let in.
 */
class TransportTest {

    @Test
    void aWrongCertificateAndAWrongHostNameAreRefused() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2)) {
            Path other = SelfSignedCertificate.ensure(Files.createTempDirectory("another-hub")).certificate();

            assertEquals(Status.Code.OK, login(hub.port(), hub.certificate(), null), "the right hub, by 127.0.0.1");
            assertEquals(Status.Code.UNAVAILABLE, login(hub.port(), other, null),
                    "another hub's certificate (a station's, for the county) is not this hub's");
            assertEquals(Status.Code.UNAVAILABLE, login(hub.port(), hub.certificate(), "county.example"),
                    "the right certificate, for a host it does not name");
        }
    }

    private static Status.Code login(int port, Path trusted, String authority) throws Exception {
        var builder = Grpc.newChannelBuilderForAddress("127.0.0.1", port,
                TlsChannelCredentials.newBuilder().trustManager(trusted.toFile()).build());
        if (authority != null) {
            builder.overrideAuthority(authority);
        }
        ManagedChannel ch = builder.build();
        try {
            AuthServiceGrpc.newBlockingStub(ch).withDeadlineAfter(10, TimeUnit.SECONDS).login(
                    LoginRequest.newBuilder().setUsername("duty1").setPassword(TestCounty.PASSWORD).build());
            return Status.Code.OK;
        } catch (StatusRuntimeException e) {
            assertTrue(e.getStatus().getCode() != Status.Code.UNAUTHENTICATED, e.getStatus().toString());
            return e.getStatus().getCode();
        } finally {
            ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
