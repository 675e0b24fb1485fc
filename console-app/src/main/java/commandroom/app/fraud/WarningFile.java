package commandroom.app.fraud;

import commandroom.app.model.FraudWarningRow;
import commandroom.app.ui.Messages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the list of people at risk the county's anti-fraud centre sends (精准劝阻名单) as CSV: a
 * header naming the columns 姓名, 电话, 地址, 警务区 and optionally 风险 (or name, phone, address,
 * zone, risk) in any order, then one person per line. Excel and WPS save such files in GB18030
 * (GBK) or in UTF-8 with a byte-order mark: both are read. The zone may be written by name or id.
 * Every problem is reported with its line, so the whole file can be corrected at once. Pure; any
 * thread.
 */
public final class WarningFile {

    /** What a file held: its rows, the problems found, and the source that keys the import. */
    public record Contents(List<FraudWarningRow> rows, List<String> problems, String source) {
        public boolean importable() {
            return problems.isEmpty() && !rows.isEmpty();
        }
    }

    private static final Map<String, String> COLUMNS = Map.of("姓名", "name", "电话", "phone", "联系电话", "phone",
            "地址", "address", "住址", "address", "警务区", "zone", "辖区", "zone", "风险", "risk", "风险类型", "risk");

    private WarningFile() {}

    /**
     * @param zonesByName zone name or id → zone id
     */
    public static Contents read(Path file, Map<String, String> zonesByName) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = decode(bytes);
        // The source keys the hub's writes: the same file taken in twice writes nothing the second time,
        // a corrected or new list with the same name is a new source.
        String source = file.getFileName() + " · " + LocalDate.now() + " · sha256:" + sha256(bytes).substring(0, 16);
        return parse(text, zonesByName, source);
    }

    static Contents parse(String text, Map<String, String> zonesByName, String source) {
        List<FraudWarningRow> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            return new Contents(rows, List.of(Messages.get("fraud.problem.header")), source);
        }
        List<String> header = split(lines[0]).stream().map(h -> COLUMNS.getOrDefault(h.trim(), h.trim().toLowerCase(Locale.ROOT))).toList();
        for (String needed : List.of("name", "phone", "address", "zone")) {
            if (!header.contains(needed)) {
                problems.add(Messages.get("fraud.problem.column", Messages.get("fraud.column." + needed)));
            }
        }
        if (!problems.isEmpty()) {
            return new Contents(rows, problems, source);
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> cells = split(lines[i]);
            String name = cell(cells, header, "name");
            String phone = cell(cells, header, "phone");
            String address = cell(cells, header, "address");
            String zone = cell(cells, header, "zone");
            String zoneId = zonesByName.get(zone);
            int line = i + 1;
            if (name.isEmpty() || phone.isEmpty() || address.isEmpty()) {
                problems.add(Messages.get("fraud.problem.empty", line));
            } else if (zoneId == null) {
                problems.add(Messages.get("fraud.problem.zone", line, zone));
            } else {
                rows.add(new FraudWarningRow(line, name, phone, address, zoneId, cell(cells, header, "risk")));
            }
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(Messages.get("fraud.problem.none"));
        }
        return new Contents(rows, problems, source);
    }

    /** UTF-8 (with or without its mark) when the bytes are valid UTF-8, else GB18030. */
    static String decode(byte[] bytes) {
        int skip = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    /** One CSV line: commas separate, double quotes enclose (a doubled quote is one). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        out.add(cell.toString());
        return out;
    }

    private static String cell(List<String> cells, List<String> header, String column) {
        int at = header.indexOf(column);
        return at >= 0 && at < cells.size() ? cells.get(at).trim() : "";
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
