package commandroom.server.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.RawCalls;
import commandroom.server.testing.TestHub;
import commandroom.v1.AuthServiceGrpc;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Every RPC of the hub fed arbitrary bytes as its request, as any of the room's roles, over a real
 * TLS channel: whatever arrives — not a message at all, invalid UTF-8 in a string, unknown enum
 * numbers, timestamps ten thousand years away, deep nesting, huge fields — the hub answers with a
 * status a client can act on, never INTERNAL or UNKNOWN, and a unary call never hangs.
 *
 * <p>An input is: one byte choosing the method (by full name, sorted), one byte choosing the caller,
 * then the request's bytes. {@code mvn verify} runs the corpus kept beside this class
 * ({@code RpcFuzzTestInputs}); {@code JAZZER_FUZZ=1} fuzzes, coverage-guided, and adds what it finds.
 */
class RpcFuzzTest {

    private static final List<MethodDescriptor<?, ?>> METHODS = RawCalls.SERVICES.stream()
            .flatMap(s -> s.getMethods().stream())
            // Log-out would end the caller's session for the inputs after it.
            .filter(m -> !m.getFullMethodName().equals(AuthServiceGrpc.getLogoutMethod().getFullMethodName()))
            .sorted(Comparator.comparing(MethodDescriptor::getFullMethodName))
            .<MethodDescriptor<?, ?>>map(m -> m).toList();
    private static final List<String> CALLERS = List.of("duty1", "leader1", "chief1", "admin1", "u-cd-co1");
    private static final Set<Status.Code> UNACTIONABLE = Set.of(Status.Code.INTERNAL, Status.Code.UNKNOWN);

    /** One hub for the whole run (started at the first input, stopped with the JVM). */
    private static TestHub hub;
    private static List<HubClient> clients;

    @FuzzTest(maxDuration = "5m")
    void everyRpcAnswersWithAStatusAClientCanActOn(byte[] input) {
        if (input.length < 2) {
            return;
        }
        start();
        MethodDescriptor<?, ?> method = METHODS.get(Byte.toUnsignedInt(input[0]) % METHODS.size());
        HubClient caller = clients.get(Byte.toUnsignedInt(input[1]) % clients.size());
        byte[] body = Arrays.copyOfRange(input, 2, input.length);
        boolean stream = method.getType() != MethodDescriptor.MethodType.UNARY;
        Status.Code code = call(caller, method, body);
        assertFalse(UNACTIONABLE.contains(code), method.getFullMethodName() + " answered " + code);
        assertFalse(!stream && code == Status.Code.DEADLINE_EXCEEDED, method.getFullMethodName() + " hung");
    }

    private static synchronized void start() {
        if (hub == null) {
            hub = TestHub.start(Backend.H2);
            clients = CALLERS.stream().map(hub::login).toList();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                clients.forEach(HubClient::close);
                hub.close();
            }));
        }
    }

    private static Status.Code call(HubClient caller, MethodDescriptor<?, ?> method, byte[] body) {
        return RawCalls.call(caller.channel(), HubClient.bearer(caller.login().getAccessToken()), method, body,
                Duration.ofSeconds(10), Duration.ofMillis(500));
    }
}
