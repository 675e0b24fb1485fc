package commandroom.app.model;

import java.util.List;

/**
 * One item of the station's registry as the administration window edits it: a zone, a unit or a
 * camera, with every field the registry keeps (those a kind does not have stay empty or 0) and
 * the version it was read at (a save on an older version is refused as stale). Immutable.
 *
 * @param type the unit's or camera's kind as its enum name without prefix (e.g. "SKYNET"); "" for a zone
 */
public record RegistryEntry(Registry registry, String id, String name, String type, String zoneId, String nationalCode,
                            String callSign, double latitude, double longitude, double directionDegrees,
                            double angleDegrees, double rangeMetres, String mainStreamUrl, String subStreamUrl,
                            String communityOfficerUnitId, List<GeoPoint> polygon, long version) {

    /** Which registry. */
    public enum Registry { ZONE, UNIT, CAMERA, ADDRESS }

    public RegistryEntry {
        polygon = List.copyOf(polygon);
    }

    /** A new, empty item of a registry. */
    public static RegistryEntry blank(Registry registry) {
        return new RegistryEntry(registry, "", "", "", "", "", "", 0, 0, 0, 0, 0, "", "", "", List.of(), 0);
    }

    /** True if a search's words all appear in its id, name, code, call sign or zone. */
    public boolean matches(String query) {
        String hay = String.join(" ", id, name, nationalCode, callSign, zoneId, type).toLowerCase(java.util.Locale.ROOT);
        for (String word : query.toLowerCase(java.util.Locale.ROOT).trim().split("\\s+")) {
            if (!word.isEmpty() && !hay.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
