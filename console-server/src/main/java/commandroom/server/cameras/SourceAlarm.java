package commandroom.server.cameras;

import java.time.Instant;

/**
 * An alarm as a camera source lists it.
 *
 * @param id          the platform's id of the alarm
 * @param channelCode the channel (camera) that raised it
 * @param type        wvp's AlarmType name (IntrusionDetection, VideoLoss, ...), or "method/type" in
 *                    GB/T 28181's codes from platforms before wvp's alarm model of 2026-04
 * @param at          when the camera raised it
 * @param description the platform's words
 */
public record SourceAlarm(String id, String channelCode, String type, Instant at, String description) {}
