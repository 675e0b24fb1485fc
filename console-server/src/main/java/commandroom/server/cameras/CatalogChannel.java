package commandroom.server.cameras;

/**
 * A camera as a camera source lists it (a GB/T 28181 platform's channel, an ONVIF device's
 * profile).
 *
 * @param deviceCode  the device's GB/T 28181 code (20 digits)
 * @param channelCode the channel's code
 * @param name        its name
 * @param latitude    WGS-84, or NaN when the platform has no position
 * @param longitude   WGS-84, or NaN
 * @param online      the platform's status
 * @param ptzType     GB/T 28181 PTZ type: 1 dome, 2 half-dome, 3 fixed bullet, 4 remote-control bullet,
 *                    5 remote-control half-dome; 0 unknown
 */
public record CatalogChannel(String deviceCode, String channelCode, String name, double latitude, double longitude,
                         boolean online, int ptzType) {

    /** Whether the camera turns: a dome, a half-dome, or a bullet or half-dome controlled remotely. */
    public boolean ptz() {
        return ptzType == 1 || ptzType == 2 || ptzType == 4 || ptzType == 5;
    }

    public boolean hasPosition() {
        return !Double.isNaN(latitude) && !Double.isNaN(longitude);
    }
}
