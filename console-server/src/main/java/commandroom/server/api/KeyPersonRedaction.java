package commandroom.server.api;

import commandroom.v1.Event;

/**
 * What a console's event stream shows of the key persons register: that something happened at
 * that sequence (the stream stays gap-free, the chain hashes are there), not who or what. The
 * register is read through KeyPersonService only, where every access is logged. Who logged in from
 * where (account activity) and who exported figures are shown likewise: the log keeps it for the audit, not for every desk.
 * Stateless.
 */
final class KeyPersonRedaction {

    private KeyPersonRedaction() {}

    static Event forConsoles(Event e) {
        return switch (e.getKindCase()) {
            case KEY_PERSON_REGISTERED, KEY_PERSON_CHECKED_IN, KEY_PERSON_ACCESSED, FIGURES_EXPORTED, ACCOUNT_ACTIVITY ->
                    Event.newBuilder()
                    .setSequence(e.getSequence()).setTime(e.getTime()).setPrevHash(e.getPrevHash()).setHash(e.getHash())
                    .build();
            default -> e;
        };
    }
}
