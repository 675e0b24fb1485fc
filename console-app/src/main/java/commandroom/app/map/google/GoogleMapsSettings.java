package commandroom.app.map.google;

/**
 * What the optional Google Maps provider needs: an API key, and where the Maps JavaScript API is
 * served from (Google's own address; a test serves a stand-in on 127.0.0.1).
 */
public record GoogleMapsSettings(String key, String apiBase) {

    public static final String GOOGLE = "https://maps.googleapis.com";

    /** Google's own API with a key (null or blank: none given). */
    public static GoogleMapsSettings withKey(String key) {
        return new GoogleMapsSettings(key, GOOGLE);
    }

    public boolean hasKey() {
        return key != null && !key.isBlank();
    }
}
