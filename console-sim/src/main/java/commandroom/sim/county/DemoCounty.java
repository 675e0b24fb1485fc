package commandroom.sim.county;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import commandroom.v1.CountySeed;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads a county seed: the demo county 清溪县 that ships on the classpath as
 * {@value #RESOURCE}, or any {@code CountySeed} written in protobuf JSON.
 *
 * <p>Stateless; any thread may call it. The seed is parsed strictly (unknown fields fail), so a
 * county file written against a newer contract says so instead of losing data.
 */
public final class DemoCounty {
    /** Where the demo county lives on the classpath. */
    public static final String RESOURCE = "demo-county/county.json";
    /** Password of every user of the demo county. */
    public static final String DEMO_PASSWORD = "qingxi-demo";

    private DemoCounty() {
    }

    /** The demo county from the classpath. */
    public static CountySeed load() {
        ClassLoader loader = DemoCounty.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** A county from a JSON file. */
    public static CountySeed load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CountySeed.Builder builder = CountySeed.newBuilder();
            JsonFormat.parser().merge(reader, builder);
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read county seed " + file, e);
        }
    }

    /** A county from JSON text. */
    public static CountySeed parse(String json) {
        CountySeed.Builder builder = CountySeed.newBuilder();
        try {
            JsonFormat.parser().merge(json, builder);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalArgumentException("not a CountySeed: " + e.getMessage(), e);
        }
        return builder.build();
    }
}
