package commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import commandroom.app.ui.Messages;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Chinese first, English complete: both bundles have exactly the same keys. */
class MessagesTest {

    @Test
    void englishBundleHasEveryChineseKeyAndNoOther() throws IOException {
        assertEquals(load("messages_zh_CN").keySet(), load("messages_en").keySet());
    }

    /** A machine left at C.UTF-8 (a fresh install, a container) is no choice of English. */
    @Test
    void theSystemsLanguageIsChineseUnlessTheUserChoseAnother() {
        Locale jvm = Locale.US;
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.systemLanguage(Map.of("LANG", "C.UTF-8"), jvm));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.systemLanguage(Map.of("LANG", "POSIX"), jvm));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.systemLanguage(Map.of("LC_ALL", "C"), jvm));
        assertEquals("zh", Messages.systemLanguage(Map.of("LANG", "zh_CN.UTF-8"), jvm).getLanguage());
        assertEquals("en", Messages.systemLanguage(Map.of("LANG", "en_GB.UTF-8"), jvm).getLanguage());
        // LC_ALL overrides LANG; an empty one is not set.
        assertEquals("en", Messages.systemLanguage(Map.of("LC_ALL", "en_US.UTF-8", "LANG", "zh_CN.UTF-8"), jvm)
                .getLanguage());
        assertEquals(Locale.SIMPLIFIED_CHINESE, Messages.systemLanguage(Map.of("LC_ALL", "", "LC_MESSAGES", "C.UTF-8",
                "LANG", "en_US.UTF-8"), jvm));
        // Windows has none of these: the JVM's locale is the user's display language.
        assertEquals(jvm, Messages.systemLanguage(Map.of(), jvm));
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/commandroom/app/ui/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
