package commandroom.server.cameras;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A GB/T 28181 platform through wvp-GB28181-pro's HTTP API ({@link WvpClient}). */
final class WvpPlatform implements CameraPlatform {

    private final WvpClient client;

    WvpPlatform(WvpClient client) {
        this.client = client;
    }

    @Override
    public Catalog catalog() throws IOException {
        List<WvpClient.Device> devices = client.devices();
        List<CatalogChannel> channels = new ArrayList<>();
        for (WvpClient.Device d : devices) {
            channels.addAll(client.channels(d));
        }
        return new Catalog(devices.size(), channels);
    }

    @Override
    public Play play(String deviceCode, String channelCode) throws IOException {
        return client.play(deviceCode, channelCode);
    }

    @Override
    public void stop(String deviceCode, String channelCode) throws IOException {
        client.stop(deviceCode, channelCode);
    }

    @Override
    public void move(String deviceCode, String channelCode, double pan, double tilt, double zoom) throws IOException {
        client.move(deviceCode, channelCode, pan, tilt, zoom);
    }

    @Override
    public void preset(String deviceCode, String channelCode, boolean save, int preset) throws IOException {
        client.preset(deviceCode, channelCode, save, preset);
    }

    @Override
    public List<SourceAlarm> alarms(Instant since) throws IOException {
        return client.alarms(since);
    }
}
