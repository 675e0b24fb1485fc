package commandroom.server.privacy;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import com.google.protobuf.Message;
import commandroom.v1.Incident;
import commandroom.v1.KeyPerson;
import commandroom.v1.KeyPersonCheckedIn;
import commandroom.v1.Task;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Rewrites the string fields of a message that may hold sealed values: those of incidents, tasks
 * and key persons (and what they contain: reporter, timeline, check-ins), wherever they sit in the
 * message (an event, a snapshot, a list, a case file). Any response therefore goes through it
 * whole, and a new response type that carries an incident is covered without being named here.
 * Only the branches of the message type that can reach such an owner are walked, so an event
 * without one (a position report) costs a few descriptor look-ups. Returns the same instance when
 * nothing changed. Stateless; any thread.
 */
public final class SealedStrings {

    private static final Set<Descriptor> OWNERS = Set.of(Incident.getDescriptor(), Task.getDescriptor(),
            KeyPerson.getDescriptor(), KeyPersonCheckedIn.getDescriptor());
    private static final Map<Descriptor, Boolean> REACHES_OWNER = new ConcurrentHashMap<>();
    private static final Map<Descriptor, Boolean> HOLDS_STRINGS = new ConcurrentHashMap<>();

    private SealedStrings() {}

    @SuppressWarnings("unchecked")
    public static <M extends Message> M rewrite(M message, UnaryOperator<String> change) {
        return (M) walk(message, change, OWNERS.contains(message.getDescriptorForType()));
    }

    /**
     * What to look at in one message type: its string fields (inside an owner only), the message
     * fields that can lead to sealed values, and among those the ones in a oneof (an event's kind:
     * only the one that is set is looked at, instead of asking each of the thirty).
     */
    private record Plan(List<FieldDescriptor> strings, List<FieldDescriptor> messages,
                        List<OneofDescriptor> oneofs, Set<FieldDescriptor> inOneofs) {}

    private static final Map<Descriptor, Plan> IN_OWNER = new ConcurrentHashMap<>();
    private static final Map<Descriptor, Plan> OUTSIDE = new ConcurrentHashMap<>();

    private static Plan plan(Descriptor d, boolean inOwner) {
        return (inOwner ? IN_OWNER : OUTSIDE).computeIfAbsent(d, x -> {
            List<FieldDescriptor> strings = new ArrayList<>();
            List<FieldDescriptor> messages = new ArrayList<>();
            Set<FieldDescriptor> inOneofs = new HashSet<>();
            Set<OneofDescriptor> oneofs = new LinkedHashSet<>();
            for (FieldDescriptor fd : x.getFields()) {
                if (fd.isMapField()) {
                    continue;
                }
                if (fd.getJavaType() == FieldDescriptor.JavaType.STRING && inOwner) {
                    strings.add(fd);
                } else if (fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                    Descriptor sub = fd.getMessageType();
                    boolean subInOwner = inOwner || OWNERS.contains(sub);
                    if (subInOwner ? holdsStrings(sub) : reachesOwner(sub)) {
                        if (fd.getRealContainingOneof() != null) {
                            inOneofs.add(fd);
                            oneofs.add(fd.getRealContainingOneof());
                        } else {
                            messages.add(fd);
                        }
                    }
                }
            }
            return new Plan(List.copyOf(strings), List.copyOf(messages), List.copyOf(oneofs), Set.copyOf(inOneofs));
        });
    }

    private static Message walk(Message m, UnaryOperator<String> change, boolean inOwner) {
        Plan plan = plan(m.getDescriptorForType(), inOwner);
        Message.Builder b = null;
        for (FieldDescriptor fd : plan.strings()) {
            if (fd.isRepeated()) {
                for (int i = 0, n = m.getRepeatedFieldCount(fd); i < n; i++) {
                    String s = (String) m.getRepeatedField(fd, i);
                    String r = change.apply(s);
                    if (!r.equals(s)) {
                        b = b != null ? b : m.toBuilder();
                        b.setRepeatedField(fd, i, r);
                    }
                }
            } else {
                String s = (String) m.getField(fd);
                String r = change.apply(s);
                if (!r.equals(s)) {
                    b = b != null ? b : m.toBuilder();
                    b.setField(fd, r);
                }
            }
        }
        for (FieldDescriptor fd : plan.messages()) {
            b = message(m, fd, change, inOwner, b);
        }
        for (OneofDescriptor o : plan.oneofs()) {
            FieldDescriptor set = m.getOneofFieldDescriptor(o);
            if (set != null && plan.inOneofs().contains(set)) {
                b = message(m, set, change, inOwner, b);
            }
        }
        return b == null ? m : b.build();
    }

    private static Message.Builder message(Message m, FieldDescriptor fd, UnaryOperator<String> change, boolean inOwner,
                                           Message.Builder b) {
        boolean subInOwner = inOwner || OWNERS.contains(fd.getMessageType());
        if (fd.isRepeated()) {
            for (int i = 0, n = m.getRepeatedFieldCount(fd); i < n; i++) {
                Message e = (Message) m.getRepeatedField(fd, i);
                Message r = walk(e, change, subInOwner);
                if (r != e) {
                    b = b != null ? b : m.toBuilder();
                    b.setRepeatedField(fd, i, r);
                }
            }
        } else if (m.hasField(fd)) {
            Message e = (Message) m.getField(fd);
            Message r = walk(e, change, subInOwner);
            if (r != e) {
                b = b != null ? b : m.toBuilder();
                b.setField(fd, r);
            }
        }
        return b;
    }

    private static boolean reachesOwner(Descriptor d) {
        Boolean known = REACHES_OWNER.get(d);
        if (known == null) {
            known = reaches(d, OWNERS::contains, new HashSet<>());
            REACHES_OWNER.put(d, known);
        }
        return known;
    }

    private static boolean holdsStrings(Descriptor d) {
        Boolean known = HOLDS_STRINGS.get(d);
        if (known == null) {
            known = reaches(d, x -> x.getFields().stream()
                    .anyMatch(f -> f.getJavaType() == FieldDescriptor.JavaType.STRING), new HashSet<>());
            HOLDS_STRINGS.put(d, known);
        }
        return known;
    }

    private static boolean reaches(Descriptor d, java.util.function.Predicate<Descriptor> target, Set<Descriptor> seen) {
        if (target.test(d)) {
            return true;
        }
        if (!seen.add(d)) {
            return false;
        }
        for (FieldDescriptor f : d.getFields()) {
            if (f.getJavaType() == FieldDescriptor.JavaType.MESSAGE && !f.isMapField()
                    && reaches(f.getMessageType(), target, seen)) {
                return true;
            }
        }
        return false;
    }
}
