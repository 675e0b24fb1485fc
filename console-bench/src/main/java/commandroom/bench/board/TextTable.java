package commandroom.bench.board;

import java.util.ArrayList;
import java.util.List;

/** A small table printed either aligned for a terminal or as markdown. One thread. */
final class TextTable {

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    TextTable(String... header) {
        rows.add(header);
        columns = header.length;
    }

    TextTable row(Object... cells) {
        String[] r = new String[columns];
        for (int i = 0; i < columns; i++) {
            r[i] = i < cells.length ? String.valueOf(cells[i]) : "";
        }
        rows.add(r);
        return this;
    }

    String plain() {
        int[] width = new int[columns];
        for (String[] r : rows) {
            for (int i = 0; i < columns; i++) {
                width[i] = Math.max(width[i], r[i].codePointCount(0, r[i].length()));
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] r : rows) {
            b.append(' ');
            for (int i = 0; i < columns; i++) {
                b.append(' ').append(r[i]).append(" ".repeat(width[i] - r[i].codePointCount(0, r[i].length()) + 2));
            }
            b.setLength(b.length() - 2);
            b.append('\n');
        }
        return b.toString();
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        for (int n = 0; n < rows.size(); n++) {
            b.append("| ").append(String.join(" | ", rows.get(n))).append(" |\n");
            if (n == 0) {
                b.append("|").append("---|".repeat(columns)).append('\n');
            }
        }
        return b.toString();
    }
}
