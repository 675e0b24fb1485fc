package commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertEquals(6, demo.callsPerHour(), "a station's calls by default");
        assertFalse(demo.noHistory(), "the station's years on a first start");
        assertTrue(Options.parse(new String[] {"--no-history"}).noHistory());
    }

    @Test
    void callsPerHourIsASettingWithinReason() {
        assertEquals(0, Options.parse(new String[] {"--calls-per-hour", "0"}).callsPerHour());
        assertEquals(30, Options.parse(new String[] {"--calls-per-hour", "30"}).callsPerHour());
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--calls-per-hour", "-1"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--calls-per-hour", "NaN"}));
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

    @Test
    void aPasswordOnTheCommandLineIsRefusedAndOneInAFileIsItsFirstLine() throws Exception {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--server", "h:1", "--user", "leader1", "--password", "secret"}));
        assertTrue(refused.getMessage().contains("--password-file") && refused.getMessage().contains("ps"),
                refused.getMessage());
        assertTrue(!Options.USAGE.contains("--password PASS"), "the usage offers no password option");

        java.nio.file.Path file = java.nio.file.Files.createTempFile("password", "");
        java.nio.file.Files.writeString(file, " two words \n");
        Options o = Options.parse(new String[] {"--server", "h:1", "--user", "leader1", "--password-file", file.toString()});
        assertEquals(file, o.passwordFile());
        assertEquals(" two words ", Options.readPassword(file), "the line's end goes, nothing else");
        java.nio.file.Files.writeString(file, "first\r\nsecond\n");
        assertEquals("first", Options.readPassword(file));
        java.nio.file.Files.writeString(file, "no line end");
        assertEquals("no line end", Options.readPassword(file));

        java.nio.file.Files.writeString(file, "");
        assertThrows(IllegalArgumentException.class, () -> Options.readPassword(file));
        java.nio.file.Files.delete(file);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Options.readPassword(file));
        assertTrue(missing.getMessage().contains(file.toString()), missing.getMessage());
        assertNull(Options.parse(new String[] {"--server", "h:1", "--user", "leader1"}).passwordFile(),
                "without a file the log-in window asks");
    }

    @Test
    void aPasswordFileOthersCanReadIsNoticed() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("password", "");
        try {
            java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            assertTrue(!Options.readableByOthers(file));
            java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            assertTrue(Options.readableByOthers(file));
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void settingsLogsAndDataGoWhereThePlatformKeepsThem() {
        String home = System.getProperty("user.home");
        assertEquals(java.nio.file.Path.of(home, ".local/state", "commandroom"),
                Options.userDir(java.util.Map.of(), "XDG_STATE_HOME", ".local/state"));
        assertEquals(java.nio.file.Path.of("/srv/state", "commandroom"),
                Options.userDir(java.util.Map.of("XDG_STATE_HOME", "/srv/state"), "XDG_STATE_HOME", ".local/state"));
        assertEquals(java.nio.file.Path.of(home, ".config", "commandroom"),
                Options.userDir(java.util.Map.of("XDG_CONFIG_HOME", " "), "XDG_CONFIG_HOME", ".config"),
                "an empty XDG variable counts as unset");
        assertEquals(java.nio.file.Path.of("C:/Users/wang/AppData/Roaming", "CommandRoom"),
                Options.userDir(java.util.Map.of("APPDATA", "C:/Users/wang/AppData/Roaming", "XDG_STATE_HOME", "/x"),
                        "XDG_STATE_HOME", ".local/state"));
        assertTrue(Options.logDir().endsWith(java.nio.file.Path.of("commandroom", "logs"))
                || Options.logDir().endsWith(java.nio.file.Path.of("CommandRoom", "logs")));
    }
}
