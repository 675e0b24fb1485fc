package commandroom.bench;

import java.util.List;

/** The small harnesses' options: {@code --name N}. Stateless. */
public final class HarnessArgs {

    private HarnessArgs() {}

    /** The number after the flag, or the fallback without the flag. */
    public static int intAfter(List<String> args, String flag, int fallback) {
        int i = args.indexOf(flag);
        return i >= 0 && i + 1 < args.size() ? Integer.parseInt(args.get(i + 1)) : fallback;
    }
}
