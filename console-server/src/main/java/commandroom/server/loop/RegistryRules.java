package commandroom.server.loop;

import commandroom.v1.Camera;
import commandroom.v1.CameraRegistered;
import commandroom.v1.Event;
import commandroom.v1.Road;
import commandroom.v1.RoadRegistered;
import commandroom.v1.Unit;
import commandroom.v1.UnitRegistered;
import commandroom.v1.Zone;
import commandroom.v1.ZoneRegistered;

/** Registering zones, units, cameras and roads (seeding a county, later the admin's edits). Stateless. */
public final class RegistryRules {

    private RegistryRules() {}

    public static Hub.Decision zone(Zone z) {
        return (s, now) -> z.equals(s.zone(z.getId()).orElse(null)) ? null
                : Event.newBuilder().setZoneRegistered(ZoneRegistered.newBuilder().setZone(z));
    }

    public static Hub.Decision unit(Unit u) {
        return (s, now) -> s.unit(u.getId()).isPresent() ? null
                : Event.newBuilder().setUnitRegistered(UnitRegistered.newBuilder().setUnit(u));
    }

    public static Hub.Decision road(Road r) {
        return (s, now) -> r.equals(s.road(r.getId()).orElse(null)) ? null
                : Event.newBuilder().setRoadRegistered(RoadRegistered.newBuilder().setRoad(r));
    }

    public static Hub.Decision camera(Camera c) {
        return (s, now) -> c.equals(s.camera(c.getId()).orElse(null)) ? null
                : Event.newBuilder().setCameraRegistered(CameraRegistered.newBuilder().setCamera(c));
    }
}
