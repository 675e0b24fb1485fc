package commandroom.server.cli;

import commandroom.imports.AddressBookFile;
import commandroom.imports.AddressUpload;
import commandroom.imports.CameraLedger;
import commandroom.imports.ReadFile;
import commandroom.imports.UnitRoster;
import commandroom.imports.ZoneFile;
import commandroom.v1.AuthServiceGrpc;
import commandroom.v1.CommandServiceGrpc;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.ImportPreview;
import commandroom.v1.ImportProblem;
import commandroom.v1.ImportRequest;
import commandroom.v1.LoginRequest;
import commandroom.v1.RegistryKind;
import commandroom.v1.RegistryServiceGrpc;
import commandroom.v1.StandardAddress;
import io.grpc.CallCredentials;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code commandroom-hub import zones|units|cameras|addresses|shifts FILE}: the station's file read as the console
 * reads it (console-import: encodings, spreadsheets, GeoJSON), previewed by the running hub
 * against its registry (what would be added, changed, retired; every problem with its line), and
 * with {@code --apply} applied in one batch. The hub is reached as a console reaches it (TLS, a log-in of
 * an administrator or the chief), so the change is an event of its log like any other.
 */
final class ImportCommand {

    private final BufferedReader in;
    private final Console console;
    private final PrintStream out;

    ImportCommand(BufferedReader in, Console console, PrintStream out) {
        this.in = in;
        this.console = console;
        this.out = out;
    }

    int run(List<String> args) {
        HubOptions o = HubOptions.parse(args, List.of("user", "password-file", "server", "trust", "retire-missing", "apply"));
        List<String> a = o.arguments();
        if (a.size() != 2) {
            throw new IllegalArgumentException("import takes KIND (zones, units or cameras) and FILE, got " + a);
        }
        boolean shifts = a.get(0).equals("shifts");
        RegistryKind kind = shifts ? RegistryKind.REGISTRY_KIND_UNIT : switch (a.get(0)) {
            case "zones" -> RegistryKind.REGISTRY_KIND_ZONE;
            case "units" -> RegistryKind.REGISTRY_KIND_UNIT;
            case "cameras" -> RegistryKind.REGISTRY_KIND_CAMERA;
            case "addresses" -> RegistryKind.REGISTRY_KIND_ADDRESS;
            default -> throw new IllegalArgumentException("import KIND is zones, units, cameras, addresses or shifts, not "
                    + a.get(0));
        };
        String user = o.get("user", null);
        if (user == null) {
            throw new IllegalArgumentException("import needs --user (an administrator or the station chief; for "
                    + "shifts the shift leader or the chief)");
        }
        Path file = Path.of(a.get(1));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage());
        }
        var config = o.hubConfig();
        String server = o.get("server", "127.0.0.1:" + config.port());
        Path trust = Path.of(o.get("trust", config.certFile() != null ? config.certFile().toString()
                : config.dataDir().resolve("tls").resolve("hub.crt").toString()));
        int colon = server.lastIndexOf(':');
        ManagedChannel channel;
        try {
            channel = Grpc.newChannelBuilderForAddress(server.substring(0, colon), Integer.parseInt(server.substring(colon + 1)),
                    TlsChannelCredentials.newBuilder().trustManager(trust.toFile()).build())
                    .maxInboundMessageSize(16 * 1024 * 1024).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the hub's certificate " + trust + ": " + e.getMessage());
        }
        try {
            String token = AuthServiceGrpc.newBlockingStub(channel).withDeadlineAfter(15, TimeUnit.SECONDS)
                    .login(LoginRequest.newBuilder().setUsername(user).setPassword(password(o, user)).build())
                    .getAccessToken();
            CallCredentials bearer = AddressUpload.bearer(token);
            Map<String, String> zones = new HashMap<>();
            var snapshot = CommandServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer)
                    .withDeadlineAfter(60, TimeUnit.SECONDS).getSnapshot(GetSnapshotRequest.getDefaultInstance());
            snapshot.getZonesList().forEach(z -> {
                zones.put(z.getId(), z.getId());
                zones.put(z.getName(), z.getId());
            });
            if (shifts) {
                Map<String, String> units = new HashMap<>();
                snapshot.getUnitsList().forEach(u -> {
                    units.put(u.getName(), u.getId());
                    if (!u.getCallSign().isEmpty()) {
                        units.put(u.getCallSign(), u.getId());
                    }
                    units.put(u.getId(), u.getId());
                });
                return shifts(channel, bearer, file, bytes, units, o);
            }
            if (kind == RegistryKind.REGISTRY_KIND_ADDRESS) {
                return addresses(channel, bearer, file, bytes, zones, o);
            }
            ImportRequest.Builder r = ImportRequest.newBuilder().setKind(kind).setSource(file.getFileName().toString())
                    .setRetireMissing(o.get("retire-missing", "off").equals("on"));
            ReadFile<?> read = switch (kind) {
                case REGISTRY_KIND_ZONE -> {
                    var f = ZoneFile.read(file.toString(), bytes);
                    r.addAllZones(f.items());
                    yield f;
                }
                case REGISTRY_KIND_UNIT -> {
                    var f = UnitRoster.read(file.toString(), bytes, t -> Optional.ofNullable(zones.get(t)));
                    r.addAllUnits(f.items());
                    yield f;
                }
                default -> {
                    var f = CameraLedger.read(file.toString(), bytes, t -> Optional.ofNullable(zones.get(t)));
                    r.addAllCameras(f.items());
                    yield f;
                }
            };
            ImportRequest request = r.setSha256(read.sha256()).build();
            var registry = RegistryServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer);
            return previewThenApply(file, read, "item(s)", o,
                    () -> registry.withDeadlineAfter(120, TimeUnit.SECONDS).previewImport(request),
                    () -> registry.withDeadlineAfter(300, TimeUnit.SECONDS).applyImport(request),
                    ImportCommand::summary, "nothing to write: the registry has this file's items already");
        } catch (StatusRuntimeException e) {
            throw new IllegalStateException("the hub at " + server + " refused: " + e.getStatus().getCode() + " "
                    + e.getStatus().getDescription());
        } finally {
            channel.shutdownNow();
        }
    }

    /** The standard addresses: streamed in batches of 5,000 to AddressService, as the console sends them. */
    private int addresses(ManagedChannel channel, CallCredentials bearer, Path file, byte[] bytes, Map<String, String> zones,
                          HubOptions o) {
        ReadFile<StandardAddress> read = AddressBookFile.read(file.toString(), bytes, t -> Optional.ofNullable(zones.get(t)));
        out.println(file.getFileName() + " (" + read.encoding() + "): " + read.items().size() + " address(es) read");
        read.problems().stream().limit(200).forEach(f -> out.println("  " + f));
        boolean whole = o.get("retire-missing", "off").equals("on");
        ImportPreview p = stream(channel, bearer, read, file.getFileName().toString(), whole, false);
        p.getProblemsList().stream().limit(200).forEach(h ->
                out.println("  line " + read.lineOf(h.getIndex()) + " [" + h.getField() + "]: " + h.getReason()));
        out.println(totals(p, false));
        if (!read.problems().isEmpty() || p.getProblemTotal() > 0) {
            out.println("nothing was written: correct the file and run the import again");
            return HubCommandLine.FAILED;
        }
        if (!o.get("apply", "off").equals("on")) {
            out.println("a preview only: add --apply to write it");
            return HubCommandLine.OK;
        }
        ImportPreview done = stream(channel, bearer, read, file.getFileName().toString(), whole, true);
        out.println(done.getSequence() > 0 ? totals(done, true) + " (event " + done.getSequence() + ")"
                : "nothing to write: the book has this file's addresses already");
        return HubCommandLine.OK;
    }

    /** A shift plan: read with the station's time zone (this machine's), previewed, applied with --apply. */
    private int shifts(ManagedChannel channel, CallCredentials bearer, Path file, byte[] bytes, Map<String, String> units,
                       HubOptions o) {
        ReadFile<commandroom.v1.PlannedShift> read = commandroom.imports.ShiftPlanFile.read(file.toString(), bytes,
                t -> Optional.ofNullable(units.get(t)), java.time.ZoneId.systemDefault());
        commandroom.v1.ShiftPlanRequest request = commandroom.v1.ShiftPlanRequest.newBuilder()
                .setSource(file.getFileName().toString()).setSha256(read.sha256()).addAllShifts(read.items())
                .setReplaceDays(o.get("retire-missing", "off").equals("on")).build();
        var registry = RegistryServiceGrpc.newBlockingStub(channel).withCallCredentials(bearer);
        return previewThenApply(file, read, "shift(s)", o,
                () -> registry.withDeadlineAfter(120, TimeUnit.SECONDS).previewShiftPlan(request),
                () -> registry.withDeadlineAfter(300, TimeUnit.SECONDS).applyShiftPlan(request),
                ImportCommand::totals, "nothing to write: the plan has this file's shifts already");
    }

    /**
     * The shape every import has on the command line: what was read and its problems, the hub's
     * preview with its problems by line, nothing written while one remains, and with --apply the
     * batch written.
     */
    private int previewThenApply(Path file, ReadFile<?> read, String items, HubOptions o,
                                 java.util.function.Supplier<ImportPreview> preview,
                                 java.util.function.Supplier<ImportPreview> apply,
                                 java.util.function.BiFunction<ImportPreview, Boolean, String> summary, String already) {
        out.println(file.getFileName() + " (" + read.encoding() + "): " + read.items().size() + " " + items + " read");
        read.problems().forEach(f -> out.println("  " + f));
        if (read.items().isEmpty() && !read.problems().isEmpty()) {
            out.println("nothing was written: correct the file and run the import again");
            return HubCommandLine.FAILED;
        }
        ImportPreview p = preview.get();
        for (ImportProblem h : p.getProblemsList()) {
            out.println("  line " + read.lineOf(h.getIndex()) + " [" + h.getField() + "]: " + h.getReason());
        }
        out.println(summary.apply(p, false));
        if (!read.problems().isEmpty() || p.getProblemsCount() > 0) {
            out.println("nothing was written: correct the file and run the import again");
            return HubCommandLine.FAILED;
        }
        if (!o.get("apply", "off").equals("on")) {
            out.println("a preview only: add --apply to write it");
            return HubCommandLine.OK;
        }
        ImportPreview done = apply.get();
        out.println(done.getSequence() > 0 ? summary.apply(done, true) + " (up to event " + done.getSequence() + ")"
                : already);
        return HubCommandLine.OK;
    }

    private static ImportPreview stream(ManagedChannel channel, CallCredentials bearer, ReadFile<StandardAddress> read,
                                        String source, boolean whole, boolean apply) {
        try {
            return AddressUpload.send(channel, bearer, read.items(), read.sha256(), source, whole, apply, 600)
                    .get(600, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof StatusRuntimeException s ? s : new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the hub did not answer the import in time");
        }
    }

    private static String totals(ImportPreview p, boolean done) {
        return (done ? "added " : "would add ") + p.getAddedTotal() + ", " + (done ? "changed " : "change ")
                + p.getChangedTotal() + ", " + (done ? "removed " : "remove ") + p.getRetiredTotal() + "; "
                + p.getUnchanged() + " as they are" + (p.getAlreadyApplied() ? " (this file was applied before)" : "");
    }

    private static String summary(ImportPreview p, boolean done) {
        return (done ? "added " : "would add ") + p.getAddedCount() + ", " + (done ? "changed " : "change ")
                + p.getChangedCount() + ", " + (done ? "retired " : "retire ") + p.getRetiredCount() + "; "
                + p.getUnchanged() + " as they are" + (p.getAlreadyApplied() ? " (this file was applied before)" : "");
    }

    private String password(HubOptions o, String user) {
        String file = o.get("password-file", null);
        try {
            if (file != null) {
                List<String> lines = Files.readAllLines(Path.of(file));
                if (lines.isEmpty()) {
                    throw new IllegalArgumentException(file + " is empty");
                }
                return lines.get(0);
            }
            if (console != null) {
                char[] p = console.readPassword("Password of %s: ", user);
                return p == null ? "" : new String(p);
            }
            String line = in.readLine();
            if (line == null) {
                throw new IllegalArgumentException("no password: give --password-file, or type it");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
