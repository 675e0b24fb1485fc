package commandroom.server.cameras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.server.testing.Backend;
import commandroom.server.testing.Eventually;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.OnvifStub;
import commandroom.server.testing.TestHub;
import commandroom.v1.Camera;
import commandroom.v1.CameraKind;
import commandroom.v1.CameraPlay;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.MoveCameraRequest;
import commandroom.v1.ReleaseCameraRequest;
import commandroom.v1.WatchCameraRequest;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ONVIF devices, by hand-written SOAP, against a stub that checks the WS-Security digest on a
 * camera clock three minutes ahead: discovery, profiles, the stream address, PTZ; and as a camera
 * source of a real hub.
 */
class OnvifCameraSourceTest {

    @Test
    void theClientSpeaksOnvifOnTheCamerasClock() throws Exception {
        try (OnvifStub cam = new OnvifStub("人民路东口球机", "admin", "Hik12345", "rtsp://127.0.0.1:554/Streaming/Channels/101")) {
            cam.clockAhead(Duration.ofMinutes(3));
            OnvifClient c = new OnvifClient(cam.deviceService(), "admin", "Hik12345", Clock.systemUTC());
            Duration offset = c.clockOffset();
            assertTrue(Math.abs(offset.minusMinutes(3).toSeconds()) <= 2, "the camera's clock is 3 min ahead: " + offset);
            List<OnvifClient.Profile> profiles = c.profiles();
            assertEquals(List.of("Profile_1", "Profile_2"), profiles.stream().map(OnvifClient.Profile::token).toList());
            assertEquals(1920, profiles.get(0).width());
            assertTrue(profiles.get(0).ptz() && !profiles.get(1).ptz());
            assertEquals("rtsp://127.0.0.1:554/Streaming/Channels/101", c.streamUri("Profile_1"));
            c.move("Profile_1", 0.5, -0.25, 0);
            c.move("Profile_1", 0, 0, 0);
            c.preset("Profile_1", false, 3);
            assertEquals(List.of("ContinuousMove Profile_1 0.50 -0.25 0.00", "Stop Profile_1", "GotoPreset Profile_1 3"),
                    cam.commands());

            // A digest made on our clock, three minutes behind the camera's, is refused: the offset matters.
            String ours = OnvifSoap.envelope("<tds:GetCapabilities xmlns:tds=\"" + OnvifSoap.DEVICE + "\"/>", "admin",
                    "Hik12345", Clock.systemUTC().instant());
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(cam.deviceService())
                    .header("Content-Type", "application/soap+xml; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(ours)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, refused.statusCode());
            assertTrue(refused.body().contains("NotAuthorized"), refused.body());

            OnvifClient wrong = new OnvifClient(cam.deviceService(), "admin", "wrong", Clock.systemUTC());
            IOException e = assertThrows(IOException.class, wrong::profiles);
            assertTrue(e.getMessage().contains("digest does not check"), e.getMessage());
        }
    }

    @Test
    void discoveryFindsTheCameraAndItsName() throws Exception {
        try (OnvifStub cam = new OnvifStub("人民路东口球机", "admin", "Hik12345", "rtsp://x/1")) {
            List<OnvifDiscovery.Found> found = OnvifDiscovery.probe(cam.discoveryAddress(), Duration.ofSeconds(1));
            assertEquals(1, found.size());
            assertEquals(cam.deviceService().toString(), found.get(0).xaddrs().get(0));
            assertEquals("人民路东口球机", found.get(0).scope("name"));
            assertTrue(found.get(0).endpoint().startsWith("urn:uuid:"));
        }
    }

    @Test
    void theInstallerDiscoversTheCamerasAndFillsInTheDevicesFile() throws Exception {
        try (OnvifStub cam = new OnvifStub("人民路东口球机", "admin", "Hik12345", "rtsp://x/1")) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int status = new commandroom.server.cli.HubCommandLine(new java.io.BufferedReader(new java.io.StringReader("")),
                    null, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), System.err)
                    .run(List.of("onvif", "discover", "--probe", "127.0.0.1:" + cam.discoveryAddress().getPort(), "--wait", "1"));
            assertEquals(0, status);
            String printed = out.toString(java.nio.charset.StandardCharsets.UTF_8);
            String line = printed.lines().filter(l -> l.startsWith("人民路东口球机,")).findFirst().orElseThrow(() ->
                    new AssertionError(printed));
            assertEquals("人民路东口球机," + cam.deviceService() + ",,,,", line);
            // The installer fills in the account and the place; the hub reads the file as it is.
            java.nio.file.Path file = java.nio.file.Files.createTempFile("onvif-devices", ".csv");
            java.nio.file.Files.writeString(file, printed.replace(line, "人民路东口球机," + cam.deviceService()
                    + ",admin,Hik12345,30.5451,119.9655"));
            OnvifSettings read = OnvifSettings.read(file);
            assertEquals(1, read.devices().size());
            assertEquals(cam.deviceService(), read.devices().get(0).service());
            java.nio.file.Files.writeString(file, "name,address,user,password,latitude,longitude\n城东,10.1.2.3,admin,x,北纬30,120\n");
            IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> OnvifSettings.read(file));
            assertTrue(bad.getMessage().contains("line 2"), bad.getMessage());
        }
    }

    @Test
    void anOnvifDeviceIsACameraOfTheHubThatTurns() throws Exception {
        try (OnvifStub cam = new OnvifStub("城东卡口球机", "admin", "Hik12345", "rtsp://127.0.0.1:554/Streaming/Channels/101")) {
            cam.clockAhead(Duration.ofSeconds(-90));
            OnvifSettings settings = new OnvifSettings("onvif", List.of(new OnvifSettings.Device("城东卡口球机",
                    cam.deviceService(), "admin", "Hik12345", 30.5451, 119.9655)), CameraKind.CAMERA_KIND_SKYNET,
                    Duration.ofHours(1));
            try (TestHub hub = TestHub.start(Backend.H2, c -> c.withCameraSources(List.of(settings)));
                 HubClient duty = hub.login("duty1")) {
                String id = "onvif-127.0.0.1:" + cam.deviceService().getPort();
                Eventually.until("the device's camera in the registry", Duration.ofSeconds(15), () -> duty.command()
                        .getSnapshot(GetSnapshotRequest.getDefaultInstance()).getCamerasList().stream()
                        .anyMatch(x -> x.getId().equals(id)));
                Camera c = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getCamerasList().stream()
                        .filter(x -> x.getId().equals(id)).findFirst().orElseThrow();
                assertEquals("z-cd", c.getZoneId());
                assertTrue(c.getOrigin().getPtz() && c.getOrigin().getOnline());
                assertEquals("Profile_1", c.getOrigin().getChannelCode(), "the largest profile is the camera's stream");

                Iterator<CameraPlay> watch = duty.camerasBlocking().watchCamera(WatchCameraRequest.newBuilder().setCameraId(id).build());
                CameraPlay play = watch.next();
                assertEquals("rtsp://admin:Hik12345@127.0.0.1:554/Streaming/Channels/101", play.getRtspUrl(),
                        "the device's address, with the hub's account, for a watching console only");
                assertEquals("rtsp://admin:Hik12345@127.0.0.1:554/Streaming/Channels/101-sub", play.getRtspSubUrl(),
                        "the D1 profile for small tiles");

                duty.cameras().moveCamera(MoveCameraRequest.newBuilder().setCameraId(id).setPan(-1).build());
                duty.cameras().releaseCamera(ReleaseCameraRequest.newBuilder().setCameraId(id).build());
                assertEquals(List.of("ContinuousMove Profile_1 -1.00 0.00 0.00", "Stop Profile_1"), cam.commands());
                assertEquals("127.0.0.1:" + cam.deviceService().getPort(), c.getOrigin().getDeviceCode());
            }
        }
    }
}
