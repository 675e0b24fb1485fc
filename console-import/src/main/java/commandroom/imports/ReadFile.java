package commandroom.imports;

import com.google.protobuf.Message;
import java.util.List;

/**
 * A file read into registry items: the items (zones, units or cameras), each item's line or
 * feature number (to say where a problem the hub finds lies), the problems found in the file
 * itself, the file's SHA-256 (the import's key) and how its text was read.
 */
public record ReadFile<T extends Message>(List<T> items, List<Integer> lines, List<FileProblem> problems,
                                          String sha256, String encoding) {

    /** Where the item at this index came from (line or feature number). */
    public int lineOf(int index) {
        return index >= 0 && index < lines.size() ? lines.get(index) : 0;
    }
}
