package commandroom.imports;

import java.util.List;

/** One row of a table file: its line (1-based, as the spreadsheet numbers it) and its cells, trimmed. */
public record Row(int line, List<String> cells) {

    /** The cell at a column, "" past the row's end. */
    public String cell(int column) {
        return column >= 0 && column < cells.size() ? cells.get(column) : "";
    }

    public boolean blank() {
        return cells.stream().allMatch(String::isEmpty);
    }
}
