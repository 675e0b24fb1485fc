package commandroom.imports;

import commandroom.v1.ImportProblemCode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A table file read into rows: CSV (quotes as RFC 4180, in any encoding {@link TextDecoding}
 * knows) or the first sheet of an .xlsx workbook (cells as Excel shows them). The first non-blank
 * row is the header. Cell text is normalised (NFKC: full-width digits and letters become
 * half-width, as offices type both). Stateless.
 */
public final class Tables {

    /** A table: its header, its rows after it, how it was read, and any problem with the file itself. */
    public record Table(Row header, List<Row> rows, String encoding, List<FileProblem> problems) {}

    private Tables() {}

    /** Reads a table from a file's bytes; the name's extension says which kind. */
    public static Table read(String fileName, byte[] bytes) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".xlsx")) {
            return xlsx(bytes);
        }
        if (name.endsWith(".xls")) {
            return failed("the old .xls format: save it as .xlsx or CSV");
        }
        TextDecoding.Decoded text = TextDecoding.decode(bytes);
        return withHeader(csv(text.text()), text.encoding(), new ArrayList<>());
    }

    private static Table failed(String why) {
        return new Table(new Row(0, List.of()), List.of(), "",
                List.of(FileProblem.of(0, "", ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_FILE, why)));
    }

    private static Table withHeader(List<Row> all, String encoding, List<FileProblem> problems) {
        int first = 0;
        while (first < all.size() && all.get(first).blank()) {
            first++;
        }
        if (first == all.size()) {
            problems.add(FileProblem.of(0, "", ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_FILE, "no rows"));
            return new Table(new Row(0, List.of()), List.of(), encoding, problems);
        }
        List<Row> rows = all.subList(first + 1, all.size()).stream().filter(r -> !r.blank()).toList();
        return new Table(all.get(first), rows, encoding, problems);
    }

    /** RFC 4180: fields in double quotes may hold commas, quotes (doubled) and line breaks. */
    static List<Row> csv(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                cells.add(clean(cell.toString()));
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(clean(cell.toString()));
                cell.setLength(0);
                rows.add(new Row(rowLine, List.copyOf(cells)));
                cells.clear();
                line++;
                rowLine = line;
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !cells.isEmpty()) {
            cells.add(clean(cell.toString()));
            rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        return rows;
    }

    private static Table xlsx(byte[] bytes) {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.ROOT);
            List<Row> rows = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row r : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, r.getLastCellNum()); c++) {
                    Cell cell = r.getCell(c);
                    cells.add(cell == null ? "" : clean(format.formatCellValue(cell)));
                }
                rows.add(new Row(r.getRowNum() + 1, List.copyOf(cells)));
            }
            List<FileProblem> problems = new ArrayList<>();
            Table t = withHeader(rows, "xlsx", problems);
            for (CellRangeAddress merged : sheet.getMergedRegions()) {
                if (merged.getFirstRow() <= t.header().line() - 1 && merged.getLastRow() >= t.header().line() - 1) {
                    problems.add(FileProblem.of(t.header().line(), "", ImportProblemCode.IMPORT_PROBLEM_CODE_MERGED_HEADER));
                    break;
                }
            }
            return t;
        } catch (IOException | RuntimeException notAWorkbook) {
            return failed("not an .xlsx workbook: " + notAWorkbook.getMessage());
        }
    }

    static String clean(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).strip();
    }
}
