package commandroom.geo.road;

import com.google.protobuf.ByteString;
import commandroom.geo.LatLon;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openstreetmap.osmosis.osmbinary.Fileformat;
import org.openstreetmap.osmosis.osmbinary.Osmformat;

/**
 * Writes a small .osm.pbf (a header block, then one block of dense nodes and ways, uncompressed)
 * for the tests: what a site downloads is PBF, read by GraphHopper through the protobuf runtime the
 * project pins, so the tests read one too.
 */
final class PbfFile {

    private final Map<Long, LatLon> nodes = new LinkedHashMap<>();
    private final List<long[]> ways = new ArrayList<>();
    private final List<String> highways = new ArrayList<>();

    void node(long id, LatLon at) {
        nodes.put(id, at);
    }

    void way(long[] refs, String highway) {
        ways.add(refs);
        highways.add(highway);
    }

    void write(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            blob(out, "OSMHeader", Osmformat.HeaderBlock.newBuilder().addRequiredFeatures("OsmSchema-V0.6")
                    .addRequiredFeatures("DenseNodes").build().toByteString());
            List<String> strings = new ArrayList<>(List.of("", "highway"));
            Osmformat.DenseNodes.Builder dense = Osmformat.DenseNodes.newBuilder();
            long lastId = 0;
            long lastLat = 0;
            long lastLon = 0;
            for (Map.Entry<Long, LatLon> n : nodes.entrySet()) {
                // Granularity 100 nanodegrees, offsets 0: the format's defaults; every field delta-coded.
                long lat = Math.round(n.getValue().latitude() / 1e-7);
                long lon = Math.round(n.getValue().longitude() / 1e-7);
                dense.addId(n.getKey() - lastId).addLat(lat - lastLat).addLon(lon - lastLon);
                lastId = n.getKey();
                lastLat = lat;
                lastLon = lon;
            }
            Osmformat.PrimitiveGroup.Builder group = Osmformat.PrimitiveGroup.newBuilder();
            for (int w = 0; w < ways.size(); w++) {
                int value = strings.indexOf(highways.get(w));
                if (value < 0) {
                    strings.add(highways.get(w));
                    value = strings.size() - 1;
                }
                Osmformat.Way.Builder way = Osmformat.Way.newBuilder().setId(w + 1).addKeys(1).addVals(value);
                long last = 0;
                for (long ref : ways.get(w)) {
                    way.addRefs(ref - last);
                    last = ref;
                }
                group.addWays(way);
            }
            Osmformat.StringTable.Builder table = Osmformat.StringTable.newBuilder();
            strings.forEach(s -> table.addS(ByteString.copyFromUtf8(s)));
            Osmformat.PrimitiveBlock block = Osmformat.PrimitiveBlock.newBuilder().setStringtable(table)
                    .addPrimitivegroup(Osmformat.PrimitiveGroup.newBuilder().setDense(dense))
                    .addPrimitivegroup(group).build();
            blob(out, "OSMData", block.toByteString());
        }
    }

    private static void blob(DataOutputStream out, String type, ByteString data) throws IOException {
        Fileformat.Blob blob = Fileformat.Blob.newBuilder().setRaw(data).setRawSize(data.size()).build();
        Fileformat.BlobHeader header = Fileformat.BlobHeader.newBuilder().setType(type)
                .setDatasize(blob.getSerializedSize()).build();
        out.writeInt(header.getSerializedSize());
        header.writeTo(out);
        blob.writeTo(out);
    }
}
