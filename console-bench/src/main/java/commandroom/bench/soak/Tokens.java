package commandroom.bench.soak;

import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.LoginRequest;
import commandroom.v1.LoginResponse;
import commandroom.v1.RefreshRequest;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Everyone's log-in for a run longer than an access token lives (15 minutes): logs every user in,
 * then swaps all refresh tokens for new ones when told (every few minutes, from a timer), as a
 * console's session does before its token runs out. Calls carry the user's current access token
 * through {@link #bearer}; a stream keeps the token it was opened with (the hub checks it once).
 * Thread-safe.
 */
final class Tokens {

    private static final int IN_FLIGHT = 16;
    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final AuthServiceGrpc.AuthServiceStub auth;
    private final Map<String, LoginResponse> logins = new ConcurrentHashMap<>();
    private final AtomicLong failures = new AtomicLong();

    Tokens(ManagedChannel channel) {
        this.auth = AuthServiceGrpc.newStub(channel);
    }

    /** Logs every user in; throws if any log-in fails. */
    void logIn(List<String> users, String password) throws InterruptedException {
        long before = failures.get();
        each(users, (user, done) -> auth.withDeadlineAfter(60, TimeUnit.SECONDS).login(
                LoginRequest.newBuilder().setUsername(user).setPassword(password).build(), done));
        if (failures.get() != before || logins.size() < users.size()) {
            throw new IllegalStateException((failures.get() - before) + " of " + users.size() + " log-ins failed");
        }
    }

    /** Swaps every refresh token for new tokens; a failed swap counts in {@link #failures}. */
    void refreshAll() throws InterruptedException {
        each(List.copyOf(logins.keySet()), (user, done) -> auth.withDeadlineAfter(60, TimeUnit.SECONDS).refresh(
                RefreshRequest.newBuilder().setRefreshToken(logins.get(user).getRefreshToken()).build(), done));
    }

    /** Failed log-ins and refreshes so far. */
    long failures() {
        return failures.get();
    }

    /** Puts "authorization: Bearer (the user's current access token)" on every call. */
    ClientInterceptor bearer(String user) {
        Function<String, String> current = u -> logins.get(u).getAccessToken();
        return new ClientInterceptor() {
            @Override
            public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
                return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<R> listener, Metadata headers) {
                        headers.put(AUTHORIZATION, "Bearer " + current.apply(user));
                        super.start(listener, headers);
                    }
                };
            }
        };
    }

    private interface Call {
        void send(String user, StreamObserver<LoginResponse> done);
    }

    private void each(List<String> users, Call call) throws InterruptedException {
        Semaphore permits = new Semaphore(IN_FLIGHT);
        CountDownLatch done = new CountDownLatch(users.size());
        for (String user : users) {
            permits.acquire();
            call.send(user, new StreamObserver<>() {
                @Override
                public void onNext(LoginResponse r) {
                    logins.put(user, r);
                }

                @Override
                public void onError(Throwable t) {
                    failures.incrementAndGet();
                    permits.release();
                    done.countDown();
                }

                @Override
                public void onCompleted() {
                    permits.release();
                    done.countDown();
                }
            });
        }
        if (!done.await(300, TimeUnit.SECONDS)) {
            throw new IllegalStateException("log-ins or refreshes of " + users.size() + " users took over 300 s");
        }
    }
}
