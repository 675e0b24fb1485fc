package commandroom.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text files as Chinese offices save them: UTF-8 with or without a byte-order mark (WPS, Excel's
 * "CSV UTF-8", QGIS), or GB18030/GBK (Excel's plain "CSV" on a Chinese Windows). A file that is
 * valid UTF-8 is read as UTF-8; any other is read as GB18030, of which GBK and GB2312 are subsets.
 * Stateless.
 */
public final class TextDecoding {

    /** The text and the encoding it was read in. */
    public record Decoded(String text, String encoding) {}

    public static final Charset GB18030 = Charset.forName("GB18030");

    private TextDecoding() {}

    public static Decoded decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return new Decoded(text, "UTF-8");
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(new String(bytes, GB18030), "GB18030");
        }
    }
}
