package commandroom.geo.road;

import static com.graphhopper.json.Statement.Else;
import static com.graphhopper.json.Statement.ElseIf;
import static com.graphhopper.json.Statement.If;
import static com.graphhopper.json.Statement.Op.LIMIT;
import static com.graphhopper.json.Statement.Op.MULTIPLY;

import com.graphhopper.GraphHopper;
import com.graphhopper.config.Profile;
import com.graphhopper.util.CustomModel;
import commandroom.geo.Mover;
import commandroom.geo.SpeedProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Imports an OpenStreetMap extract (.osm or .osm.pbf) into a GraphHopper graph kept in a cache
 * directory named by the file's SHA-256 and the speed table's fingerprint: the same file twice is
 * read once, and a change of speeds builds anew. The graph is built in a scratch directory and
 * moved into place only when whole, so a file that fails (not OSM, no highways, cut short) leaves
 * the cache as it was. One routing profile per ground kind of unit, from {@link SpeedProfiles}.
 * Stateless; each call its own GraphHopper.
 */
final class RoadImport {

    /** Road islands smaller than this many edges are dropped (a car park's loop must not catch units). */
    static final int MIN_NETWORK_EDGES = 20;

    private RoadImport() {}

    /** A loaded graph, and whether this call imported it (false: it came from the cache). */
    record Loaded(GraphHopper hopper, boolean imported, String sha256) {}

    /** The loaded GraphHopper over the file's roads; imports them first if not cached. */
    static Loaded open(Path osmFile, Path cacheRoot) throws RoadImportException {
        check(osmFile);
        String sha = sha256(osmFile);
        Path dir = cacheRoot.resolve(sha.substring(0, 24) + "-" + SpeedProfiles.fingerprint());
        boolean imported = false;
        if (!Files.isDirectory(dir)) {
            importInto(osmFile, cacheRoot, dir);
            imported = true;
        }
        GraphHopper gh = configure(dir);
        if (!gh.load()) {
            throw new RoadImportException("the road graph cached in " + dir + " cannot be loaded; delete it to import "
                    + osmFile.getFileName() + " again");
        }
        return new Loaded(gh, imported, sha);
    }

    private static void check(Path file) throws RoadImportException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".osm") && !name.endsWith(".pbf") && !name.endsWith(".osm.xml")) {
            throw new RoadImportException(file + ": not an OpenStreetMap file (expected .osm or .osm.pbf)");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new RoadImportException(file + ": no such file, or it cannot be read");
        }
        try {
            if (Files.size(file) == 0) {
                throw new RoadImportException(file + ": the file is empty");
            }
            if (!name.endsWith(".pbf") && !mentionsHighway(file)) {
                throw new RoadImportException(file + ": no roads in it: no way is tagged highway=*"
                        + " (a road extract of the county is needed)");
            }
        } catch (IOException e) {
            throw new RoadImportException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Whether an XML file names the highway key at all (cheap: a byte scan, no parse). */
    private static boolean mentionsHighway(Path file) throws IOException {
        byte[] needle = "\"highway\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] needle2 = "'highway'".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            byte[] buf = new byte[1 << 16];
            int keep = needle.length - 1;
            byte[] window = new byte[buf.length + keep];
            int carried = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                System.arraycopy(buf, 0, window, carried, n);
                int len = carried + n;
                if (contains(window, len, needle) || contains(window, len, needle2)) {
                    return true;
                }
                carried = Math.min(keep, len);
                System.arraycopy(window, len - carried, window, 0, carried);
            }
        }
        return false;
    }

    private static boolean contains(byte[] hay, int len, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= len; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static void importInto(Path osmFile, Path cacheRoot, Path dir) throws RoadImportException {
        Path scratch;
        try {
            Files.createDirectories(cacheRoot);
            scratch = Files.createTempDirectory(cacheRoot, "importing-");
        } catch (IOException e) {
            throw new RoadImportException("cannot write the road graph under " + cacheRoot + ": " + e.getMessage(), e);
        }
        try {
            GraphHopper gh = configure(scratch);
            gh.setOSMFile(osmFile.toString());
            try {
                gh.importOrLoad();
            } catch (RuntimeException e) {
                throw new RoadImportException(osmFile + ": cannot be read as OpenStreetMap (.osm XML or .osm.pbf): "
                        + rootMessage(e), e);
            }
            int edges = gh.getBaseGraph().getEdges();
            gh.close();
            if (edges == 0) {
                throw new RoadImportException(osmFile + ": no roads in it: no way tagged highway=* that a unit may use");
            }
            Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new RoadImportException("cannot keep the road graph in " + dir + ": " + e.getMessage(), e);
        } finally {
            delete(scratch);
        }
    }

    /** A GraphHopper over a graph directory, with our profiles (the same for import and load). */
    static GraphHopper configure(Path dir) {
        GraphHopper gh = new GraphHopper();
        gh.setGraphHopperLocation(dir.toString());
        gh.setEncodedValuesString("car_access, foot_access, bike_access, road_class");
        gh.setMinNetworkSize(MIN_NETWORK_EDGES);
        List<Profile> profiles = new ArrayList<>();
        for (Mover m : Mover.values()) {
            if (!m.flies()) {
                profiles.add(new Profile(m.profile()).setCustomModel(model(m)));
            }
        }
        gh.setProfiles(profiles);
        return gh;
    }

    /** The kind's custom model: where it may go (OSM access for its vehicle), at the table's speeds. */
    static CustomModel model(Mover kind) {
        CustomModel cm = new CustomModel();
        // Fastest, not shortest: the time is what the rings and the ranking promise.
        cm.setDistanceInfluence(0d);
        String access = switch (kind) {
            case PATROL_CAR -> "car_access";
            case COMMUNITY_OFFICER -> "foot_access";
            default -> "bike_access";
        };
        cm.addToPriority(If("!" + access, MULTIPLY, "0"));
        boolean firstClass = true;
        for (SpeedProfiles.RoadClass c : SpeedProfiles.RoadClass.values()) {
            if (c == SpeedProfiles.RoadClass.OTHER) {
                continue;
            }
            String condition = "road_class == " + c.name();
            String kmh = String.valueOf(SpeedProfiles.kmh(kind, c));
            cm.addToSpeed(firstClass ? If(condition, LIMIT, kmh) : ElseIf(condition, LIMIT, kmh));
            firstClass = false;
        }
        cm.addToSpeed(Else(LIMIT, String.valueOf(SpeedProfiles.kmh(kind, SpeedProfiles.RoadClass.OTHER))));
        return cm;
    }

    static String sha256(Path file) throws RoadImportException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new RoadImportException(file + ": cannot be read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage());
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A scratch directory left behind is only disk space; the cache itself is unchanged.
        }
    }
}
