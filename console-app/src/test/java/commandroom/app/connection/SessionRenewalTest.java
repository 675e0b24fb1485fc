package commandroom.app.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.TestCounty;
import commandroom.server.testing.TestHub;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.Event;
import commandroom.v1.SubscribeRequest;
import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The hub ends an open stream whose session stops renewing its token; a console whose only call
 * is its event stream renews on a timer, so the stream outlives the token it started with.
 */
class SessionRenewalTest {

    @Test
    void aStreamOutlivesItsFirstTokenBecauseTheSessionRenewsItself() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2, c -> c.withTokens(Duration.ofSeconds(10), Duration.ofHours(1)));
             HubSession session = HubSession.open(List.of(new HubAddress("127.0.0.1", hub.port())), hub.certificate(),
                     "leader1", TestCounty.PASSWORD)) {
            AtomicReference<Throwable> ended = new AtomicReference<>();
            CommandServiceGrpc.newStub(session.channel()).withCallCredentials(session.credentials())
                    .subscribe(SubscribeRequest.newBuilder().setFromSequence(1).build(), new StreamObserver<Event>() {
                        @Override
                        public void onNext(Event e) { }

                        @Override
                        public void onError(Throwable t) {
                            ended.set(t);
                        }

                        @Override
                        public void onCompleted() {
                            ended.set(new IllegalStateException("completed"));
                        }
                    });
            Thread.sleep(17_000);
            assertEquals(null, ended.get(), "the stream is still open after its first token ran out");
            assertTrue(session.user().username().equals("leader1"));
        }
    }
}
