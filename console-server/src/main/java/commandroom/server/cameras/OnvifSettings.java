package commandroom.server.cameras;

import commandroom.v1.CameraKind;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * ONVIF devices the hub keeps cameras from (Hikvision, Dahua and the like, straight on the
 * station's network), listed in a file: a device does not know where it hangs, so the file says.
 *
 * @param id         the source's id in the registry, "onvif"
 * @param devices    the devices
 * @param kind       what kind of cameras they are
 * @param syncPeriod how often their profiles are read again
 */
public record OnvifSettings(String id, List<Device> devices, CameraKind kind, Duration syncPeriod) implements SourceSettings {

    /**
     * One device: its name, its device service (http://host[:port]/onvif/device_service), the
     * account the hub uses, and where it hangs (WGS-84).
     */
    public record Device(String name, URI service, String user, String password, double latitude, double longitude) {

        /** host:port, the device's code in a camera's origin. */
        public String code() {
            return service.getHost() + ":" + (service.getPort() < 0 ? 80 : service.getPort());
        }
    }

    public OnvifSettings {
        devices = List.copyOf(devices);
    }

    /**
     * Reads the devices file: UTF-8, lines starting with # ignored, a header line (name,...), then
     * name,address,user,password,latitude,longitude per device (address as http://host[:port][/path] or host[:port]; the path defaults to ONVIF's
     * /onvif/device_service). Throws IllegalArgumentException naming the line at fault.
     */
    public static OnvifSettings read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Device> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replace("\uFEFF", "").strip();
            // Comments and the header, wherever 'onvif discover' or the installer put them.
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("name,")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException(file + " line " + (i + 1)
                        + ": name,address,user,password,latitude,longitude, not " + f.length + " fields");
            }
            String address = f[1].strip();
            URI service;
            try {
                service = URI.create(address.contains("://") ? address : "http://" + address);
                if (service.getHost() == null) {
                    throw new IllegalArgumentException("no host");
                }
                if (service.getPath() == null || service.getPath().isEmpty() || service.getPath().equals("/")) {
                    service = service.resolve("/onvif/device_service");
                }
                double lat = Double.parseDouble(f[4].strip());
                double lon = Double.parseDouble(f[5].strip());
                out.add(new Device(f[0].strip(), service, f[2].strip(), f[3], lat, lon));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new OnvifSettings("onvif", out, CameraKind.CAMERA_KIND_SKYNET, Duration.ofMinutes(10));
    }

    @Override
    public String address() {
        return devices.size() + " ONVIF device(s)";
    }

    /** Its cameras play from the device itself: nothing to stop. */
    @Override
    public Duration playGrace() {
        return Duration.ZERO;
    }

    /** ONVIF events are not read (yet): a device's alarms come through a platform. */
    @Override
    public Duration alarmPeriod() {
        return Duration.ZERO;
    }

    @Override
    public Set<String> alarmIncidents() {
        return Set.of();
    }

    @Override
    public String cameraId(CatalogChannel ch) {
        return "onvif-" + ch.deviceCode();
    }

    @Override
    public CameraPlatform open(Clock clock) {
        return new OnvifPlatform(this, clock);
    }
}
