package commandroom.server.api;

import com.google.protobuf.Message;
import commandroom.server.auth.Caller;
import commandroom.server.privacy.PersonalKey;
import commandroom.server.privacy.PersonalView;
import commandroom.server.privacy.SealedStrings;
import commandroom.server.privacy.SealedText.Register;
import commandroom.v1.KeyPersonServiceGrpc;
import commandroom.v1.Role;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import java.util.EnumSet;
import java.util.Set;

/**
 * Opens or masks the sealed personal values in everything a call sends back: replies, snapshots,
 * lists and every event of a stream, so no service can forget it. Who reads what: the fraud
 * list's people to the shift leaders, the chief and the field units (a unit's calls and stream
 * carry its own tasks only); key persons through KeyPersonService only, whose calls check the
 * caller's zone or assignment and log each read; everyone else (duty officers, the IT admin, the
 * county's link) sees masked values (张*, 138****5678). Runs after AuthInterceptor, which puts the
 * caller in the context. Thread-safe.
 */
public final class PersonalDataInterceptor implements ServerInterceptor {

    private final PersonalKey key;

    public PersonalDataInterceptor(PersonalKey key) {
        this.key = key;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        PersonalView view = new PersonalView(key, readable(call.getMethodDescriptor().getServiceName(), Caller.KEY.get()));
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            @SuppressWarnings("unchecked")
            public void sendMessage(R message) {
                super.sendMessage(message instanceof Message m ? (R) SealedStrings.rewrite(m, view) : message);
            }
        }, headers);
    }

    static Set<Register> readable(String service, Caller caller) {
        Set<Register> out = EnumSet.noneOf(Register.class);
        if (caller == null) {
            return out;
        }
        if (caller.role() == Role.ROLE_SHIFT_LEADER || caller.role() == Role.ROLE_STATION_CHIEF
                || caller.role() == Role.ROLE_FIELD_UNIT) {
            out.add(Register.FRAUD_LIST);
        }
        if (KeyPersonServiceGrpc.SERVICE_NAME.equals(service)) {
            out.add(Register.KEY_PERSONS);
        }
        return out;
    }
}
