package commandroom.server.address;

import commandroom.v1.StandardAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The book in memory for type-ahead: each address's compared form and pinyin initials, and for
 * every pair of neighbouring characters the addresses that hold it (a bigram index): what was
 * typed is looked up by its rarest pairs and checked whole, so a keystroke costs a few thousand
 * comparisons, not a scan of 200,000 addresses. Immutable once built; any thread.
 */
final class AddressIndex {

    /** Most candidates checked for one search: a one-character query in a big book stops there. */
    private static final int MAX_CHECKED = 20_000;
    private static final int[] NONE = new int[0];

    private final StandardAddress[] addresses;
    private final String[] keys;
    private final String[] initials;
    private final Map<Integer, int[]> byPair;
    private final Map<Integer, int[]> byPairOfInitials;
    private final long builtFrom;

    AddressIndex(List<StandardAddress> book, long builtFrom) {
        this.builtFrom = builtFrom;
        addresses = book.toArray(new StandardAddress[0]);
        keys = new String[addresses.length];
        initials = new String[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            keys[i] = AddressText.normalize(addresses[i].getText());
            initials[i] = AddressText.initials(keys[i]);
        }
        byPair = pairs(keys);
        byPairOfInitials = pairs(initials);
    }

    static AddressIndex empty() {
        return new AddressIndex(List.of(), 0);
    }

    /** The sequence of the import the book was read after (0: at start). */
    long builtFrom() {
        return builtFrom;
    }

    int size() {
        return addresses.length;
    }

    /** Best first: where the typed text starts the address, then shorter addresses, then by id. */
    List<StandardAddress> search(String typed, int limit) {
        String q = AddressText.normalize(typed);
        if (q.isEmpty() || addresses.length == 0) {
            return List.of();
        }
        // Latin letters (with or without digits) are pinyin initials: rml12 for 人民路12号.
        boolean letters = q.chars().allMatch(c -> c < 128) && q.chars().anyMatch(c -> c >= 'a' && c <= 'z');
        String[] hay = letters ? initials : keys;
        int[] candidates = candidates(q, letters ? byPairOfInitials : byPair, hay);
        java.util.LinkedHashSet<Integer> hits = new java.util.LinkedHashSet<>();
        for (int i = 0, checked = 0; i < candidates.length && checked < MAX_CHECKED; i++, checked++) {
            if (hay[candidates[i]].contains(q)) {
                hits.add(candidates[i]);
            }
        }
        if (letters) {
            // Pinyin initials may also be what the book writes in Latin letters (A座, KTV).
            int[] literal = candidates(q, byPair, keys);
            for (int i = 0; i < literal.length && i < MAX_CHECKED; i++) {
                if (keys[literal[i]].contains(q)) {
                    hits.add(literal[i]);
                }
            }
        }
        List<Integer> found = new ArrayList<>(hits);
        found.sort(Comparator.<Integer>comparingInt(i -> hay[i].startsWith(q) ? 0 : 1)
                .thenComparingInt(i -> keys[i].length()).thenComparing(i -> addresses[i].getId()));
        List<StandardAddress> out = new ArrayList<>(Math.min(limit, found.size()));
        for (int i = 0; i < found.size() && out.size() < limit; i++) {
            out.add(addresses[found.get(i)]);
        }
        return out;
    }

    private int[] candidates(String q, Map<Integer, int[]> index, String[] hay) {
        if (q.length() == 1) {
            // One character: every address holding it in a pair (its last character is checked too).
            List<int[]> lists = new ArrayList<>();
            for (Map.Entry<Integer, int[]> e : index.entrySet()) {
                if ((char) (e.getKey() >>> 16) == q.charAt(0) || (char) (e.getKey() & 0xFFFF) == q.charAt(0)) {
                    lists.add(e.getValue());
                }
            }
            return lists.stream().flatMapToInt(Arrays::stream).distinct().limit(MAX_CHECKED).sorted().toArray();
        }
        int[] best = null;
        for (int i = 0; i + 1 < q.length(); i++) {
            int[] list = index.getOrDefault(pair(q.charAt(i), q.charAt(i + 1)), NONE);
            if (best == null || list.length < best.length) {
                best = list;
            }
        }
        return best == null ? NONE : best;
    }

    private static Map<Integer, int[]> pairs(String[] texts) {
        Map<Integer, int[]> counts = new HashMap<>();
        Map<Integer, Integer> sizes = new HashMap<>();
        for (String t : texts) {
            for (int p : distinctPairs(t)) {
                sizes.merge(p, 1, Integer::sum);
            }
        }
        sizes.forEach((p, n) -> counts.put(p, new int[n]));
        Map<Integer, Integer> filled = new HashMap<>();
        for (int i = 0; i < texts.length; i++) {
            for (int p : distinctPairs(texts[i])) {
                int at = filled.merge(p, 1, Integer::sum) - 1;
                counts.get(p)[at] = i;
            }
        }
        return counts;
    }

    private static int[] distinctPairs(String t) {
        int[] p = new int[Math.max(0, t.length() - 1)];
        for (int i = 0; i + 1 < t.length(); i++) {
            p[i] = pair(t.charAt(i), t.charAt(i + 1));
        }
        return Arrays.stream(p).distinct().toArray();
    }

    private static int pair(char a, char b) {
        return (a << 16) | b;
    }
}
