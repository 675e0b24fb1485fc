package commandroom.geo.osm;

import commandroom.geo.LatLon;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Writes an OpenStreetMap XML file (.osm, API 0.6) as a stream: every node first, then the ways
 * that name them, as OSM's readers expect. For the demo county's roads, tests and the bench's
 * generated county; what a station downloads is read by GraphHopper, not by us. Not thread-safe;
 * close it to finish the file.
 */
public final class OsmWriter implements AutoCloseable {

    private final Writer out;
    private long ways;
    private boolean inWays;

    public OsmWriter(Path file) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 16);
        out.write("<?xml version='1.0' encoding='UTF-8'?>\n<osm version=\"0.6\" generator=\"commandroom\">\n");
    }

    /** A node (all nodes before the first way). */
    public void node(long id, LatLon at) throws IOException {
        if (inWays) {
            throw new IllegalStateException("nodes go before ways");
        }
        out.write(String.format(Locale.ROOT, "  <node id=\"%d\" version=\"1\" lat=\"%.7f\" lon=\"%.7f\"/>\n", id,
                at.latitude(), at.longitude()));
    }

    /** A way through the nodes, in order, with its tags (highway=…, name=…, oneway=…). */
    public void way(long[] nodes, Map<String, String> tags) throws IOException {
        inWays = true;
        ways++;
        out.write("  <way id=\"" + ways + "\" version=\"1\">\n");
        for (long n : nodes) {
            out.write("    <nd ref=\"" + n + "\"/>\n");
        }
        for (Map.Entry<String, String> t : tags.entrySet()) {
            out.write("    <tag k=\"" + escape(t.getKey()) + "\" v=\"" + escape(t.getValue()) + "\"/>\n");
        }
        out.write("  </way>\n");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public void close() throws IOException {
        out.write("</osm>\n");
        out.close();
    }
}
