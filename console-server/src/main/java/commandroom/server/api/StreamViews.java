package commandroom.server.api;

import commandroom.server.loop.Images;
import commandroom.v1.Event;
import commandroom.v1.Photo;

/**
 * What the event streams show of an event. Image bytes never travel on a stream: a log written
 * before images were stored apart still holds them in its events, and one feedback of six photos
 * was 12 MB on every console's stream; the bytes are fetched by hash (GetPhoto, GetEvidence).
 * Stateless.
 */
final class StreamViews {

    private StreamViews() {}

    static Event forConsoles(Event e) {
        return withoutImages(KeyPersonRedaction.forConsoles(e));
    }

    static Event forUnits(Event e) {
        return withoutImages(e);
    }

    private static Event withoutImages(Event e) {
        return switch (e.getKindCase()) {
            case FEEDBACK_SUBMITTED -> {
                var f = e.getFeedbackSubmitted().getFeedback();
                if (f.getPhotosList().stream().allMatch(p -> p.getData().isEmpty())) {
                    yield e;
                }
                var fb = f.toBuilder().clearPhotos();
                for (Photo p : f.getPhotosList()) {
                    fb.addPhotos(Images.withoutBytes(p));
                }
                yield e.toBuilder().setFeedbackSubmitted(e.getFeedbackSubmitted().toBuilder().setFeedback(fb)).build();
            }
            case EVIDENCE_ADDED -> {
                var ev = e.getEvidenceAdded().getEvidence();
                yield ev.getImage().getData().isEmpty() ? e : e.toBuilder().setEvidenceAdded(e.getEvidenceAdded()
                        .toBuilder().setEvidence(ev.toBuilder().setImage(Images.withoutBytes(ev.getImage())))).build();
            }
            default -> e;
        };
    }
}
