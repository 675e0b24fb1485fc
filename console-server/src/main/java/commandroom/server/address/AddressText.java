package commandroom.server.address;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Addresses as the type-ahead compares them: full-width forms made half-width (NFKC), letters
 * lower-case, spaces and punctuation gone, Chinese numbers written in digits (十二号 and 12号 are
 * one), and the province, city and county the officer need not type left off the front. Pinyin
 * initials (人民路 → rml) from the JDK's Chinese collation, which orders the common characters by
 * their pinyin: no dictionary to ship. Stateless; any thread.
 */
final class AddressText {

    private static final Pattern NOT_WORD = Pattern.compile("[\\s\\p{P}\\p{S}]+");
    private static final Pattern PREFIX = Pattern.compile("^(\\p{IsHan}{2,7}?省)?(\\p{IsHan}{2,7}?市)?(\\p{IsHan}{1,7}?[县区])?");
    /** The first character of each initial in pinyin order, and the initials they begin (no i, u, v). */
    private static final String BOUNDS = "阿芭擦搭蛾发噶哈击喀垃妈拿哦啪期然撒塌挖昔压匝";
    private static final String LETTERS = "abcdefghjklmnopqrstwxyz";
    private static final ConcurrentHashMap<Character, Character> INITIALS = new ConcurrentHashMap<>();
    private static final Collator CHINESE = Collator.getInstance(Locale.CHINA);

    private AddressText() {}

    /** The form both the book and what is typed are compared in. */
    static String normalize(String s) {
        String t = NOT_WORD.matcher(Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll("");
        return withoutPrefix(digits(t));
    }

    private static String withoutPrefix(String t) {
        var m = PREFIX.matcher(t);
        // Keep at least two characters: "城东区" alone is a place, not a prefix.
        return m.lookingAt() && m.end() > 0 && t.length() - m.end() >= 2 ? t.substring(m.end()) : t;
    }

    /** The pinyin initials of a normalized text; digits and Latin letters stay as they are. */
    static String initials(String normalized) {
        StringBuilder b = new StringBuilder(normalized.length());
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c < 128) {
                b.append(c);
            } else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) {
                char initial = INITIALS.computeIfAbsent(c, AddressText::initial);
                if (initial != 0) {
                    b.append(initial);
                }
            }
        }
        return b.toString();
    }

    private static char initial(char c) {
        String s = String.valueOf(c);
        synchronized (CHINESE) {
            if (CHINESE.compare(s, String.valueOf(BOUNDS.charAt(0))) < 0) {
                return 0;
            }
            for (int i = BOUNDS.length() - 1; i >= 0; i--) {
                if (CHINESE.compare(s, String.valueOf(BOUNDS.charAt(i))) >= 0) {
                    return LETTERS.charAt(i);
                }
            }
        }
        return 0;
    }

    /** Runs of Chinese numerals in digits: 十二 → 12, 二十 → 20, 一百零五 → 105, 三〇五 → 305. */
    static String digits(String t) {
        StringBuilder out = new StringBuilder(t.length());
        int i = 0;
        while (i < t.length()) {
            int j = i;
            while (j < t.length() && "零〇一二两三四五六七八九十百千".indexOf(t.charAt(j)) >= 0) {
                j++;
            }
            if (j == i) {
                out.append(t.charAt(i++));
                continue;
            }
            String run = t.substring(i, j);
            // A lone 十/百/千 or 两 inside words (十字路口, 两岸) stays a word.
            if (run.length() == 1 && "十百千两".contains(run)) {
                out.append(run);
            } else {
                out.append(number(run));
            }
            i = j;
        }
        return out.toString();
    }

    private static String number(String run) {
        if (run.chars().noneMatch(c -> "十百千".indexOf(c) >= 0)) {
            StringBuilder b = new StringBuilder();
            run.chars().forEach(c -> b.append(digit((char) c)));
            return b.toString();
        }
        int total = 0;
        int current = 0;
        for (char c : run.toCharArray()) {
            int d = digit(c);
            if (d >= 0) {
                current = d;
            } else {
                int unit = c == '十' ? 10 : c == '百' ? 100 : 1000;
                total += (current == 0 ? 1 : current) * unit;
                current = 0;
            }
        }
        return Integer.toString(total + current);
    }

    private static int digit(char c) {
        return switch (c) {
            case '零', '〇' -> 0;
            case '一' -> 1;
            case '二', '两' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
