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
        String[] normalized = book.stream().map(a -> AddressText.normalize(a.getText())).toArray(String[]::new);
        // Shortest first: every list of the index then runs from the shortest address to the longest,
        // and a search can stop at its first hits, which are the ones it would rank first.
        Integer[] order = new Integer[book.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingInt(i -> normalized[i].length()).thenComparing(i -> book.get(i).getId()));
        addresses = new StandardAddress[book.size()];
        keys = new String[book.size()];
        initials = new String[book.size()];
        for (int i = 0; i < order.length; i++) {
            addresses[i] = book.get(order[i]);
            keys[i] = normalized[order[i]];
            initials[i] = AddressText.initials(keys[i]);
        }
        byPair = pairs(keys);
        byPairOfInitials = pairs(initials);
    }

    /** The same index, said to be read after the given import. */
    AddressIndex(AddressIndex built, long builtFrom) {
        this.addresses = built.addresses;
        this.keys = built.keys;
        this.initials = built.initials;
        this.byPair = built.byPair;
        this.byPairOfInitials = built.byPairOfInitials;
        this.builtFrom = builtFrom;
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

    /**
     * Best first: the shortest addresses holding what was typed (the book is indexed shortest
     * first, so the first hits are the best and the search stops there), those it begins ahead.
     */
    List<StandardAddress> search(String typed, int limit) {
        String q = AddressText.normalize(typed);
        if (q.isEmpty() || addresses.length == 0) {
            return List.of();
        }
        // Latin letters (with or without digits) are pinyin initials: rml12 for 人民路12号.
        boolean letters = q.chars().allMatch(c -> c < 128) && q.chars().anyMatch(c -> c >= 'a' && c <= 'z');
        java.util.TreeSet<Integer> hits = new java.util.TreeSet<>();
        collect(q, candidates(q, letters ? byPairOfInitials : byPair, letters ? initials : keys), letters ? initials : keys,
                limit, hits);
        if (letters) {
            // Pinyin initials may also be what the book writes in Latin letters (A座, KTV).
            collect(q, candidates(q, byPair, keys), keys, limit, hits);
        }
        String[] hay = letters ? initials : keys;
        List<Integer> found = new ArrayList<>(hits);
        found.sort(Comparator.<Integer>comparingInt(i -> hay[i].startsWith(q) || keys[i].startsWith(q) ? 0 : 1)
                .thenComparingInt(i -> i));
        List<StandardAddress> out = new ArrayList<>(Math.min(limit, found.size()));
        for (int i = 0; i < found.size() && out.size() < limit; i++) {
            out.add(addresses[found.get(i)]);
        }
        return out;
    }

    /** The first hits in index order (shortest first), at most limit of them, checked whole. */
    private static void collect(String q, int[] candidates, String[] hay, int limit, java.util.Set<Integer> hits) {
        int found = 0;
        for (int i = 0, checked = 0; i < candidates.length && checked < MAX_CHECKED && found < limit; i++, checked++) {
            if (hay[candidates[i]].contains(q) && hits.add(candidates[i])) {
                found++;
            }
        }
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
