package commandroom.server.api;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import commandroom.server.loop.Hub;
import commandroom.server.loop.HubException;
import commandroom.server.loop.Images;
import commandroom.server.store.EventStore;
import commandroom.server.store.ImageStore;
import commandroom.server.store.StoredEvent;
import commandroom.v1.Event;
import commandroom.v1.Photo;
import io.grpc.Status;
import java.util.List;
import java.util.Optional;

/**
 * Where the services put an image's bytes before the event that names it, and find them again:
 * the image store, or — for a log written before images were stored apart — the old event that
 * carried them. Thread-safe.
 */
final class ImageBytes {

    private final ImageStore images;
    private final EventStore events;
    private final Hub hub;

    ImageBytes(ImageStore images, EventStore events, Hub hub) {
        this.images = images;
        this.events = events;
        this.hub = hub;
    }

    /** Keeps the photo's bytes (checked already) and answers its description for the event. */
    Photo keep(Photo p) {
        images.put(p.getSha256().toByteArray(), p.getContentType(), p.getData().toByteArray(), hub.clock().instant());
        return Images.withoutBytes(p);
    }

    List<Photo> keep(List<Photo> photos) {
        return photos.stream().map(this::keep).toList();
    }

    /** The described photo with its bytes; NOT_FOUND if they are nowhere (a store restored without them). */
    Photo withBytes(Photo described) {
        byte[] sha = described.getSha256().toByteArray();
        Optional<byte[]> stored = images.get(sha);
        if (stored.isPresent()) {
            return described.toBuilder().setData(ByteString.copyFrom(stored.get())).build();
        }
        String hex = Images.hex(described.getSha256());
        return hub.read(s -> s.imageInLog(hex)).flatMap(seq -> fromOldEvent(seq, described.getSha256()))
                .map(bytes -> described.toBuilder().setData(bytes).build())
                .orElseThrow(() -> Status.NOT_FOUND.withDescription("the bytes of image " + hex
                        + " are not in this hub's store").asRuntimeException());
    }

    private Optional<ByteString> fromOldEvent(long sequence, ByteString sha256) {
        List<StoredEvent> found = events.read(sequence, sequence, 1);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Event e;
        try {
            e = Event.parseFrom(found.get(0).body());
        } catch (InvalidProtocolBufferException broken) {
            throw HubException.precondition("event " + sequence + " in the log is not an event; run verify");
        }
        List<Photo> carried = switch (e.getKindCase()) {
            case FEEDBACK_SUBMITTED -> e.getFeedbackSubmitted().getFeedback().getPhotosList();
            case EVIDENCE_ADDED -> List.of(e.getEvidenceAdded().getEvidence().getImage());
            default -> List.of();
        };
        return carried.stream().filter(p -> p.getSha256().equals(sha256) && !p.getData().isEmpty())
                .map(Photo::getData).findFirst();
    }
}
