package commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The launcher's command line as an installer's user types it. */
class OptionsTest {

    @Test
    void noOptionsAndDemoAreTheEmbeddedDefault() {
        Options none = Options.parse(new String[0]);
        Options demo = Options.parse(new String[] {"--demo"});
        assertNull(none.server());
        assertNull(demo.server());
        assertEquals("leader1", demo.user());
    }

    @Test
    void aHubElsewhereAMapProviderAndABaseMapAreRead() {
        Options o = Options.parse(new String[] {"--server", "10.1.2.3:50443", "--cert", "/etc/hub.crt", "--basemap",
                "gcj02:http://tiles/{z}/{x}/{y}.png", "--map", "google", "--google-key", "k"});
        assertEquals("10.1.2.3:50443", o.server());
        assertEquals("gcj02:http://tiles/{z}/{x}/{y}.png", o.baseMap());
        assertTrue(o.google());
        assertEquals("k", o.googleKey());
    }

    @Test
    void contradictionsAndUnknownsAreRefusedWithTheUsage() {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--demo", "--server", "h:1"}));
        assertTrue(both.getMessage().contains("choose one") && both.getMessage().contains("--basemap"), both.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--map", "bing"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--colour", "red"}));
        assertTrue(Options.parse(new String[] {"--help"}).help());
    }
}
