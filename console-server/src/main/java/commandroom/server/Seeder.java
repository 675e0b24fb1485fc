package commandroom.server;

import commandroom.server.auth.PasswordHasher;
import commandroom.server.loop.Hub;
import commandroom.server.loop.RegistryRules;
import commandroom.server.store.UserRecord;
import commandroom.server.store.UserStore;
import commandroom.v1.Actor;
import commandroom.v1.CountySeed;
import commandroom.v1.Event;
import commandroom.v1.Role;
import commandroom.v1.SeedUser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Loads a county into a hub: zones, units, cameras and roads as registry events (only those not there
 * yet, so a restart adds nothing), and the users, hashed. Runs once at start-up.
 */
final class Seeder {

    static final Actor SEED = Actor.newBuilder().setUserId("seed").setRole(Role.ROLE_ADMIN)
            .setDisplayName("初始化").build();

    private Seeder() {}

    static void seed(Hub hub, UserStore users, PasswordHasher passwords, CountySeed county) {
        List<CompletableFuture<Hub.Result>> pending = new ArrayList<>();
        county.getZonesList().forEach(z -> pending.add(
                hub.submit(SEED, "", Event.KindCase.ZONE_REGISTERED, RegistryRules.zone(z))));
        county.getUnitsList().forEach(u -> pending.add(
                hub.submit(SEED, "", Event.KindCase.UNIT_REGISTERED, RegistryRules.unit(u))));
        county.getCamerasList().forEach(c -> pending.add(
                hub.submit(SEED, "", Event.KindCase.CAMERA_REGISTERED, RegistryRules.camera(c))));
        county.getRoadsList().forEach(r -> pending.add(
                hub.submit(SEED, "", Event.KindCase.ROAD_REGISTERED, RegistryRules.road(r))));
        pending.forEach(CompletableFuture::join);
        for (SeedUser u : county.getUsersList()) {
            // Looked up first so that a restart hashes no password (bcrypt is slow on purpose).
            if (users.find(u.getUsername()).isEmpty()) {
                users.add(new UserRecord(u.getUsername(), u.getDisplayName(), u.getRole(), u.getUnitId(),
                        u.getStationId(), passwords.hash(u.getPassword()), false));
            }
        }
    }
}
