package commandroom.app.wall;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VlcLocatorTest {

    @TempDir
    Path dir;

    @Test
    void aLibraryDirectoryWithLibVlcIsFoundAndALinkBackToItsParentIsNotFollowed() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path llvm = Files.createDirectories(lib.resolve("llvm-14/build"));
        Files.createSymbolicLink(llvm.resolve("Release"), llvm.getParent());
        Files.writeString(llvm.resolve("libvlc.so.5"), "");
        assertFalse(VlcLocator.holdsLibVlc(List.of(lib, dir.resolve("absent"))),
                "only the directory itself: a library deeper down is not one the loader finds");

        Files.writeString(lib.resolve("libvlc.so.5"), "");
        assertTrue(VlcLocator.holdsLibVlc(List.of(dir.resolve("absent"), lib)));
    }
}
