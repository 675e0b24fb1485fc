package commandroom.server.cameras;

import commandroom.server.loop.Geo;
import commandroom.server.loop.HubState;
import commandroom.v1.Camera;
import commandroom.v1.CameraOrigin;
import commandroom.v1.ImportRequest;
import commandroom.v1.Position;
import commandroom.v1.RegistryKind;
import commandroom.v1.Zone;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A platform's catalog as a registry import of its cameras. A channel whose national code a
 * camera of the registry already has (a ledger imported before the platform was connected)
 * becomes that camera: it keeps its id, name, kind and field of view, and gains the platform as
 * its origin. A new channel is registered as "gb-" and its code, with the platform's name. The
 * position is the platform's when it has one (else the registry's), and a camera needs one inside
 * a zone of the station: channels without are left out and counted. With retire_missing, cameras
 * of this source that the platform no longer lists are retired.
 */
public final class CatalogSync {

    private static final Pattern NATIONAL_CODE = Pattern.compile("\\d{20}");
    private static final Pattern ID_SAFE = Pattern.compile("[\\p{L}\\p{N}._:-]{1,64}");

    private CatalogSync() {}

    /** The import, and how many channels had no place in the station. */
    public record Plan(ImportRequest request, int unplaced, int online) {}

    public static Plan plan(HubState s, SourceSettings source, List<CatalogChannel> channels) {
        Map<String, Camera> byCode = new HashMap<>();
        for (Camera c : s.cameras()) {
            if (!c.getNationalCode().isEmpty()) {
                byCode.put(c.getNationalCode(), c);
            }
        }
        var zones = s.zones();
        ImportRequest.Builder r = ImportRequest.newBuilder().setKind(RegistryKind.REGISTRY_KIND_CAMERA)
                .setSource("camera source " + source.id()).setRetireMissing(true);
        Set<String> seen = new HashSet<>();
        int unplaced = 0;
        int online = 0;
        for (CatalogChannel ch : channels) {
            // A cascaded platform can list one channel under two devices: the first one counts.
            String newId = source.cameraId(ch);
            if (!ID_SAFE.matcher(newId).matches() || !seen.add(newId)) {
                continue;
            }
            if (ch.online()) {
                online++;
            }
            Camera old = byCode.get(ch.channelCode());
            if (old == null) {
                old = s.camera(newId).orElse(null);
            }
            Camera.Builder b = old != null ? old.toBuilder() : Camera.newBuilder().setId(newId)
                    .setName(name(ch)).setKind(source.kind());
            if (ch.hasPosition()) {
                b.setPosition(Position.newBuilder().setLatitude(ch.latitude()).setLongitude(ch.longitude()));
            }
            if (!b.hasPosition()) {
                unplaced++;
                continue;
            }
            Zone current = b.getZoneId().isEmpty() ? null : s.zone(b.getZoneId()).orElse(null);
            Zone zone = current != null && Geo.contains(current, b.getPosition()) ? current
                    : Geo.zoneAt(zones, b.getPosition()).orElse(null);
            if (zone == null) {
                unplaced++;
                continue;
            }
            b.setZoneId(zone.getId())
                    .setNationalCode(NATIONAL_CODE.matcher(ch.channelCode()).matches() ? ch.channelCode() : "")
                    .setOrigin(CameraOrigin.newBuilder().setSourceId(source.id()).setDeviceCode(ch.deviceCode())
                            .setOnline(ch.online()).setPtz(ch.ptz())
                            .setChannelCode(ch.channelCode()));
            r.addCameras(b);
        }
        r.setSha256(sha256(r.build()));
        return new Plan(r.build(), unplaced, online);
    }

    private static String name(CatalogChannel ch) {
        String n = ch.name().strip();
        if (n.isEmpty()) {
            return ch.channelCode();
        }
        return n.length() > 100 ? n.substring(0, 100) : n;
    }

    private static String sha256(ImportRequest r) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
