package commandroom.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Chinese first, English complete: both bundles have exactly the same keys. */
class MessagesTest {

    @Test
    void englishBundleHasEveryChineseKeyAndNoOther() throws IOException {
        assertEquals(load("messages_zh_CN").keySet(), load("messages_en").keySet());
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/commandroom/app/ui/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
