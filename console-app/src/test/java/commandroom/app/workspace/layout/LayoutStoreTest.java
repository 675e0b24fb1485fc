package commandroom.app.workspace.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayoutStoreTest {

    @TempDir
    Path dir;

    private static final WorkspaceLayout LAYOUT = new WorkspaceLayout(List.of(
            new WindowLayout("window-1", List.of("board"), DefaultLayoutsTest.ONE, DefaultLayoutsTest.ONE, true),
            new WindowLayout("window-2", List.of("review", "stats"), DefaultLayoutsTest.TWO,
                    new ScreenRect(2120.5, 100, 800, 600), false)),
            Map.of("zone", "城关派出所 第2警务区", "type", "纠纷=dispute: x", "overdueOnly", "true"));

    @Test
    void aSavedLayoutLoadsBackEqual() {
        LayoutStore store = new LayoutStore(dir.resolve("commandroom/layouts"));

        assertTrue(store.save("张所长", LAYOUT));

        assertEquals(Optional.of(LAYOUT), new LayoutStore(dir.resolve("commandroom/layouts")).load("张所长"));
    }

    @Test
    void theFileIsReadableUtf8Text() throws IOException {
        LayoutStore store = new LayoutStore(dir);
        store.save("chief", LAYOUT);

        String text = Files.readString(store.fileOf("chief"), StandardCharsets.UTF_8);

        assertTrue(text.contains("filter.zone=城关派出所 第2警务区"), text);
        assertTrue(text.contains("window.1.bounds=2120.5,100,800,600"), text);
    }

    @Test
    void aUserWithoutASavedLayoutGetsEmpty() {
        assertEquals(Optional.empty(), new LayoutStore(dir.resolve("nowhere")).load("chief"));
        assertEquals(Optional.empty(), new LayoutStore(dir).load(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "\u0000\u0001garbage\\u12",
        "format=2\nwindows=0\n",
        "format=1\n",
        "format=1\nwindows=1\nwindow.0.id=w\nwindow.0.panels=board\nwindow.0.screen=0,0,1920,1080\n"
                + "window.0.maximized=true\n",
        "format=1\nwindows=1\nwindow.0.id=w\nwindow.0.panels=board\nwindow.0.screen=0,0,1920,1080\n"
                + "window.0.bounds=0,0,-5,1080\nwindow.0.maximized=true\n",
        "format=1\nwindows=1\nwindow.0.id=w\nwindow.0.panels=board\nwindow.0.screen=0,0,wide,1080\n"
                + "window.0.bounds=0,0,5,1080\nwindow.0.maximized=true\n",
        "format=1\nwindows=1\nwindow.0.id=w\nwindow.0.panels=board,,map\nwindow.0.screen=0,0,1920,1080\n"
                + "window.0.bounds=0,0,5,1080\nwindow.0.maximized=yes\n",
        "format=1\nwindows=2\nwindow.0.id=w\nwindow.0.panels=board\nwindow.0.screen=0,0,1920,1080\n"
                + "window.0.bounds=0,0,5,1080\nwindow.0.maximized=true\nwindow.1.id=w\nwindow.1.panels=map\n"
                + "window.1.screen=0,0,1920,1080\nwindow.1.bounds=0,0,5,1080\nwindow.1.maximized=true\n",
        "format=1\nwindows=99999999999\n",
    })
    void aCorruptFileGivesEmptySoTheDefaultIsUsed(String content) throws IOException {
        LayoutStore store = new LayoutStore(dir);
        Files.writeString(store.fileOf("chief"), content, StandardCharsets.UTF_8);

        assertEquals(Optional.empty(), store.load("chief"));
    }

    @Test
    void aFileThatIsNotValidUtf8GivesEmpty() throws IOException {
        LayoutStore store = new LayoutStore(dir);
        Files.write(store.fileOf("chief"), new byte[] {'f', 'o', (byte) 0xff, (byte) 0xfe, '=', '1'});

        assertEquals(Optional.empty(), store.load("chief"));
    }

    @Test
    void savingAgainReplacesTheLayoutAndLeavesNoTemporaryFile() throws IOException {
        LayoutStore store = new LayoutStore(dir);
        store.save("chief", LAYOUT);
        WorkspaceLayout other = LAYOUT.withBoardFilter(Map.of());

        assertTrue(store.save("chief", other));

        assertEquals(Optional.of(other), store.load("chief"));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(store.fileOf("chief")), files.toList());
        }
    }

    @Test
    void anyUserNameStaysAFileInTheDirectory() {
        LayoutStore store = new LayoutStore(dir);

        for (String user : List.of("../../etc/passwd", "a/b\\c:d", "张三", ".", "CON")) {
            Path file = store.fileOf(user);
            assertEquals(dir, file.getParent(), user);
            assertTrue(store.save(user, LAYOUT), user);
            assertEquals(Optional.of(LAYOUT), store.load(user), user);
        }
        assertEquals("layout-%E5%BC%A0%E4%B8%89.properties", store.fileOf("张三").getFileName().toString());
    }

    @Test
    void aDirectoryThatCannotBeWrittenMakesSaveReturnFalse() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");

        assertFalse(new LayoutStore(notADirectory).save("chief", LAYOUT));
        assertFalse(new LayoutStore(dir).save("", LAYOUT));
    }
}
