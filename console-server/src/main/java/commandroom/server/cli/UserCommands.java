package commandroom.server.cli;

import commandroom.server.admin.UserAdmin;
import commandroom.server.auth.PasswordHasher;
import commandroom.server.store.Database;
import commandroom.server.store.UserRecord;
import commandroom.server.store.UserStore;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;

/** {@code commandroom-hub user ...}: list, add, role, password, disable, enable. */
final class UserCommands {

    private final BufferedReader in;
    private final Console console;
    private final PrintStream out;

    UserCommands(BufferedReader in, Console console, PrintStream out) {
        this.in = in;
        this.console = console;
        this.out = out;
    }

    int run(List<String> args) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("user needs a command: list, add, role, password, disable or enable");
        }
        String command = args.get(0);
        HubOptions o = HubOptions.parse(args.subList(1, args.size()),
                command.equals("add") ? List.of("role", "display-name", "unit", "station") : List.of());
        List<String> a = o.arguments();
        int wanted = switch (command) {
            case "list" -> 0;
            case "add", "password", "disable", "enable" -> 1;
            case "role" -> 2;
            default -> throw new IllegalArgumentException("unknown user command " + command);
        };
        if (a.size() != wanted) {
            throw new IllegalArgumentException("user " + command + " takes " + wanted + " argument(s), got " + a);
        }
        if (command.equals("add") && o.get("role", null) == null) {
            throw new IllegalArgumentException("user add needs --role (" + UserAdmin.roleNames() + ")");
        }
        var config = o.hubConfig();
        try (Database db = HubCommandLine.open(config)) {
            UserAdmin admin = new UserAdmin(new UserStore(db), new PasswordHasher(config.passwordCost()));
            switch (command) {
                case "list" -> list(admin.list());
                case "add" -> {
                    UserRecord u = admin.add(a.get(0), o.get("display-name", ""), UserAdmin.role(o.get("role", "")),
                            o.get("unit", ""), o.get("station", ""), password(a.get(0)));
                    out.println("added " + u.username() + " (" + UserAdmin.roleName(u.role()) + ")");
                }
                case "role" -> {
                    admin.setRole(a.get(0), UserAdmin.role(a.get(1)));
                    out.println(a.get(0) + " is now " + UserAdmin.roleName(UserAdmin.role(a.get(1)))
                            + " (a running hub applies it within seconds; tokens issued before keep their role until they expire)");
                }
                case "password" -> {
                    admin.setPassword(a.get(0), password(a.get(0)));
                    out.println("password of " + a.get(0) + " set");
                }
                case "disable" -> {
                    admin.setDisabled(a.get(0), true);
                    out.println(a.get(0) + " disabled");
                }
                default -> {
                    admin.setDisabled(a.get(0), false);
                    out.println(a.get(0) + " enabled");
                }
            }
        }
        return HubCommandLine.OK;
    }

    private void list(List<UserRecord> users) {
        out.printf("%-20s %-14s %-8s %-12s %-12s %s%n", "NAME", "ROLE", "STATE", "UNIT", "STATION", "DISPLAY NAME");
        for (UserRecord u : users) {
            out.printf("%-20s %-14s %-8s %-12s %-12s %s%n", u.username(), UserAdmin.roleName(u.role()),
                    u.disabled() ? "disabled" : "active", dash(u.unitId()), dash(u.stationId()), u.displayName());
        }
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    /** From the terminal, typed twice without echo; else one line of standard input (scripts, tests). */
    private char[] password(String username) {
        if (console != null) {
            char[] first = console.readPassword("New password for %s: ", username);
            char[] again = console.readPassword("Again: ");
            if (first == null || again == null || !Arrays.equals(first, again)) {
                throw new IllegalArgumentException("the two passwords differ");
            }
            Arrays.fill(again, '\0');
            return first;
        }
        try {
            String line = in.readLine();
            if (line == null) {
                throw new IllegalArgumentException("no password on standard input");
            }
            return line.toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
