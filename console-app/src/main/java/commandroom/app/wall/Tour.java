package commandroom.app.wall;

import java.util.ArrayList;
import java.util.List;

/**
 * A tour (轮巡): a named list of cameras that cycles through a group of tiles, each set of cameras
 * staying for the dwell time. Dwell under {@link #MIN_DWELL_SECONDS} is refused: a picture shown
 * for less cannot be looked at. Immutable.
 */
public record Tour(String name, List<String> cameraIds, int dwellSeconds) {

    public static final int MIN_DWELL_SECONDS = 3;

    public Tour {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a tour needs a name");
        }
        if (cameraIds == null || cameraIds.isEmpty()) {
            throw new IllegalArgumentException("a tour needs cameras");
        }
        if (dwellSeconds < MIN_DWELL_SECONDS) {
            throw new IllegalArgumentException("dwell must be at least " + MIN_DWELL_SECONDS + " s");
        }
        cameraIds = List.copyOf(cameraIds);
    }

    /** The cameras a group of tiles shows at a step of the tour (each step moves one group on). */
    List<String> atStep(long step, int tiles) {
        List<String> out = new ArrayList<>(tiles);
        int n = cameraIds.size();
        int shown = Math.min(tiles, n);
        long first = Math.floorMod(step * shown, (long) n);
        for (int i = 0; i < shown; i++) {
            out.add(cameraIds.get((int) ((first + i) % n)));
        }
        return out;
    }

    /** As saved with the workspace: name|dwell|id,id,… */
    String format() {
        return name.replace("|", " ") + "|" + dwellSeconds + "|" + String.join(",", cameraIds);
    }

    static Tour parse(String text) {
        String[] parts = text.split("\\|", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a tour: " + text);
        }
        return new Tour(parts[0], List.of(parts[2].split(",")), Integer.parseInt(parts[1]));
    }
}
