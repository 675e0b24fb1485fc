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

    @Override
    public List<Recording> recordings(String deviceCode, String channelCode, Instant from, Instant to) throws IOException {
        return client.recordings(deviceCode, channelCode, from, to);
    }

    @Override
    public Playback startPlayback(String deviceCode, String channelCode, Instant start, Instant end) throws IOException {
        return client.startPlayback(deviceCode, channelCode, start, end);
    }

    @Override
    public void stopPlayback(String deviceCode, String channelCode, String stream) throws IOException {
        client.stopPlayback(deviceCode, channelCode, stream);
    }
}
