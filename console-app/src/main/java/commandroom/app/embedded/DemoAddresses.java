package commandroom.app.embedded;

import commandroom.imports.AddressUpload;
import commandroom.sim.geo.Polygons;
import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.CountySeed;
import commandroom.v1.ImportPreview;
import commandroom.v1.LoginRequest;
import commandroom.v1.Position;
import commandroom.v1.Road;
import commandroom.v1.StandardAddress;
import io.grpc.ManagedChannel;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo county's standard addresses, so that the embedded default's intake offers addresses
 * as a real station's does: door numbers every 25 metres along each demo road inside the station's
 * zones, a few buildings at each, imported through the hub's own import (one event in its log; the same book again changes
 * nothing). Runs in the background: the console does not wait for it.
 */
final class DemoAddresses {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAddresses.class);
    private static final double STEP_METRES = 25;

    private DemoAddresses() {}

    /** The book: along each road, odd numbers on one side, even on the other, 1..3 buildings each. */
    static List<StandardAddress> of(CountySeed county) {
        List<StandardAddress> out = new ArrayList<>();
        for (Road r : county.getRoadsList()) {
            int number = 1;
            for (int i = 0; i + 1 < r.getLineCount(); i++) {
                Position a = r.getLine(i);
                Position b = r.getLine(i + 1);
                double metres = Math.hypot((b.getLatitude() - a.getLatitude()) * 111_000,
                        (b.getLongitude() - a.getLongitude()) * 111_000 * Math.cos(Math.toRadians(a.getLatitude())));
                int steps = Math.max(1, (int) (metres / STEP_METRES));
                for (int k = 0; k < steps; k++, number++) {
                    double f = (double) k / steps;
                    // Odd numbers north of the road, even ones south: twenty metres apart.
                    double side = (number % 2 == 1 ? 1 : -1) * 0.0001;
                    Position p = Position.newBuilder().setLatitude(a.getLatitude() + (b.getLatitude() - a.getLatitude()) * f + side)
                            .setLongitude(a.getLongitude() + (b.getLongitude() - a.getLongitude()) * f).build();
                    if (county.getZonesList().stream().noneMatch(z -> Polygons.contains(z.getPolygonList(), p))) {
                        // Where a road leaves the station's zones, its doors are another station's.
                        continue;
                    }
                    String base = county.getName().replaceAll("（.*）", "") + r.getName() + number + "号";
                    out.add(address(r.getId() + "-" + number, base, p));
                    for (int building = 1; building <= number % 3; building++) {
                        out.add(address(r.getId() + "-" + number + "-" + building, base + building + "幢", p));
                    }
                }
            }
        }
        return out;
    }

    private static StandardAddress address(String id, String text, Position p) {
        return StandardAddress.newBuilder().setId(id).setText(text).setPosition(p).build();
    }

    /** Imports the book in the background, as the demo's administrator. */
    static void importInBackground(ManagedChannel channel, CountySeed county, String adminPassword) {
        Thread t = new Thread(() -> {
            try {
                List<StandardAddress> book = of(county);
                String token = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS)
                        .login(LoginRequest.newBuilder().setUsername("admin1").setPassword(adminPassword).build())
                        .getAccessToken();
                ImportPreview p = AddressUpload.send(channel, AddressUpload.bearer(token), book, sha256(book),
                        "demo-county-addresses", false, true, 60).get(60, TimeUnit.SECONDS);
                if (p.getSequence() > 0) {
                    LOG.info("demo county: {} standard addresses imported", p.getAddedTotal());
                }
            } catch (RuntimeException | InterruptedException | java.util.concurrent.ExecutionException
                     | java.util.concurrent.TimeoutException e) {
                LOG.warn("the demo's standard addresses were not imported; the intake offers none", e);
            }
        }, "demo-addresses");
        t.setDaemon(true);
        t.start();
    }

    private static String sha256(List<StandardAddress> book) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            book.forEach(a -> d.update(a.toByteArray()));
            return HexFormat.of().formatHex(d.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
