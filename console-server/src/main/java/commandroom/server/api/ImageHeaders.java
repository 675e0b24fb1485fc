package commandroom.server.api;

import com.google.protobuf.ByteString;

/**
 * Reads the width and height from a PNG's or a JPEG's header, so the hub keeps only pictures that
 * are what their type says (a photo field is not a place to store any file). The bytes are not
 * decoded: a header that names sizes is what a viewer will trust. Stateless.
 */
final class ImageHeaders {

    /** Larger than any phone or camera takes. */
    static final int MAX_SIDE = 20_000;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private ImageHeaders() {}

    /** Why the bytes are not an image of the type, or null if they are. */
    static String problem(String contentType, ByteString data) {
        int[] size = switch (contentType) {
            case "image/png" -> png(data);
            case "image/jpeg" -> jpeg(data);
            default -> null;
        };
        if (size == null) {
            return "is not a " + contentType + " image (its header does not say so)";
        }
        if (size[0] < 1 || size[1] < 1 || size[0] > MAX_SIDE || size[1] > MAX_SIDE) {
            return "says it is " + size[0] + "×" + size[1] + " pixels; 1 to " + MAX_SIDE + " a side";
        }
        return null;
    }

    /** PNG: the signature, then the IHDR chunk with width and height. */
    private static int[] png(ByteString d) {
        if (d.size() < 24) {
            return null;
        }
        for (int i = 0; i < PNG.length; i++) {
            if (d.byteAt(i) != PNG[i]) {
                return null;
            }
        }
        if (d.byteAt(12) != 'I' || d.byteAt(13) != 'H' || d.byteAt(14) != 'D' || d.byteAt(15) != 'R') {
            return null;
        }
        return new int[] {int32(d, 16), int32(d, 20)};
    }

    /** JPEG: SOI, then markers up to a start-of-frame that gives height and width. */
    private static int[] jpeg(ByteString d) {
        if (d.size() < 4 || (d.byteAt(0) & 0xff) != 0xff || (d.byteAt(1) & 0xff) != 0xd8) {
            return null;
        }
        int i = 2;
        while (i + 9 < d.size()) {
            if ((d.byteAt(i) & 0xff) != 0xff) {
                return null;
            }
            int marker = d.byteAt(i + 1) & 0xff;
            if (marker == 0xff) {
                i++;
                continue;
            }
            int length = ((d.byteAt(i + 2) & 0xff) << 8) | (d.byteAt(i + 3) & 0xff);
            boolean startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (startOfFrame) {
                int height = ((d.byteAt(i + 5) & 0xff) << 8) | (d.byteAt(i + 6) & 0xff);
                int width = ((d.byteAt(i + 7) & 0xff) << 8) | (d.byteAt(i + 8) & 0xff);
                return new int[] {width, height};
            }
            if (length < 2) {
                return null;
            }
            i += 2 + length;
        }
        return null;
    }

    private static int int32(ByteString d, int at) {
        return ((d.byteAt(at) & 0xff) << 24) | ((d.byteAt(at + 1) & 0xff) << 16) | ((d.byteAt(at + 2) & 0xff) << 8)
                | (d.byteAt(at + 3) & 0xff);
    }
}
