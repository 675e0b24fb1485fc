package commandroom.app.map.tiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Tiles from a folder laid out as z/x/y.png (or .jpg), as tile downloaders and renderers write
 * them. The zoom range is the numbered folders present. Thread-safe (reads files only).
 */
public final class XyzFolderSource implements TileSource {

    private final Path root;
    private final boolean gcj02;
    private final int minZoom;
    private final int maxZoom;

    public XyzFolderSource(Path root, boolean gcj02) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("no tile folder at " + root);
        }
        this.root = root;
        this.gcj02 = gcj02;
        int[] range = {Integer.MAX_VALUE, -1};
        try (Stream<Path> levels = Files.list(root)) {
            levels.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d{1,2}")).mapToInt(Integer::parseInt)
                    .forEach(z -> {
                        range[0] = Math.min(range[0], z);
                        range[1] = Math.max(range[1], z);
                    });
        }
        if (range[1] < 0) {
            throw new IOException(root + " holds no zoom folders (z/x/y.png)");
        }
        minZoom = range[0];
        maxZoom = range[1];
    }

    @Override
    public byte[] read(TileKey key) throws IOException {
        Path dir = root.resolve(Integer.toString(key.z())).resolve(Integer.toString(key.x()));
        for (String ext : new String[] {".png", ".jpg", ".jpeg", ".webp"}) {
            Path f = dir.resolve(key.y() + ext);
            if (Files.isRegularFile(f)) {
                return Files.readAllBytes(f);
            }
        }
        return null;
    }

    @Override
    public int minZoom() {
        return minZoom;
    }

    @Override
    public int maxZoom() {
        return maxZoom;
    }

    @Override
    public boolean gcj02() {
        return gcj02;
    }

    @Override
    public String describe() {
        return "XYZ folder " + root;
    }
}
