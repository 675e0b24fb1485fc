package commandroom.app.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.map.OutlineEditorView;
import commandroom.app.model.RegistryEntry;
import commandroom.app.testing.Consoles;
import commandroom.app.testing.Screenshots;
import commandroom.app.testing.Waits;
import commandroom.app.workspace.Workstation;
import commandroom.imports.TextDecoding;
import commandroom.server.testing.Backend;
import commandroom.server.testing.HubClient;
import commandroom.server.testing.TestHub;
import commandroom.v1.Camera;
import commandroom.v1.GetSnapshotRequest;
import commandroom.v1.Zone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/**
 * The IT administrator keeps the registry in the console: adds a camera by hand, corrects it
 * (each change in its history), imports the station's camera ledger as Excel saved it (GBK CSV):
 * a line naming a zone the station does not have blocks the import with its line and reason,
 * the corrected file is previewed and applied, and a duty officer's console has the new cameras
 * at once; a retired camera leaves the table.
 */
class RegistryPanelTest extends FxRobot {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Test
    void theAdministratorKeepsTheCamerasAndImportsTheLedger() throws Exception {
        Path ledger = Files.createTempDirectory("ledger").resolve("点位台账.csv");
        writeLedger(ledger, "城南警务区");
        try (TestHub hub = TestHub.start(Backend.H2); HubClient duty = hub.login("duty1")) {
            Workstation w = Consoles.open(hub.port(), hub.certificate(), "admin1", Files.createTempDirectory("layouts"));
            try {
                interact(() -> {
                    w.stages().get(0).setWidth(1600);
                    w.stages().get(0).setHeight(900);
                });
                clickOn("#tab-registry");
                Waits.until("the cameras listed", WAIT, () -> ids().containsAll(List.of("c-001", "c-002")));

                clickOn("#registry-add");
                Waits.until("the form", WAIT, () -> lookup("#registry-form-id").tryQuery().isPresent());
                assertTrue(lookup("#registry-form-save").query().isDisabled(), "nothing to save yet");
                clickOn("#registry-form-id").write("cam-market");
                clickOn("#registry-form-name").write("城西菜场");
                clickOn("#registry-form-type");
                // The popup's cell, not the table's 天网 behind the dialog.
                clickOn(lookup(".combo-box-popup .list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
                        && "天网".equals(c.getText())).<javafx.scene.Node>query());
                clickOn("#registry-form-code").write("3301081200131000");
                assertTrue(lookup("#registry-form-save").query().isDisabled(), "a national code has 20 digits");
                clickOn("#registry-form-code").write("0009");
                clickOn("#registry-form-lat").write("30.5451");
                clickOn("#registry-form-lon").write("119.9552");
                clickOn("#registry-form-main").write("rtsp://10.1.2.9:554/ch1");
                clickOn("#registry-form-save");
                Waits.until("saved: " + lookup("#registry-form-error").tryQueryAs(Label.class).map(Label::getText)
                        .orElse("") + " / " + text("#registry-status"), WAIT, () -> ids().contains("cam-market"));
                assertTrue(text("#registry-status").contains("cam-market"), text("#registry-status"));

                select("cam-market");
                Waits.until("its history", WAIT, () -> history().size() == 1);
                assertTrue(history().get(0).contains("登记"), history().toString());
                clickOn("#registry-edit");
                Waits.until("the form", WAIT, () -> lookup("#registry-form-name").tryQuery().isPresent());
                doubleClickOn("#registry-form-name").eraseText(10).write("城西农贸市场");
                clickOn("#registry-form-save");
                Waits.until("changed, in its history", WAIT, () -> history().size() == 2);
                assertTrue(history().get(1).contains("修改：名称"), history().toString());
                assertTrue(history().get(1).contains("第 2 版"), history().toString());
                Screenshots.save(this, w.stages().get(0).getScene().getRoot(), "registry");

                // The ledger as Excel saved it: a zone the station does not have blocks it.
                clickOn("#registry-import");
                Waits.until("the import dialog", WAIT, () -> lookup("#registry-import-path").tryQuery().isPresent());
                clickOn("#registry-import-path").write(ledger.toString());
                clickOn("#registry-import-read");
                Waits.until("the problem shown", WAIT, () -> problems().size() == 1);
                assertTrue(problems().get(0).startsWith("第 3 行"), problems().toString());
                assertTrue(problems().get(0).contains("城南警务区"), problems().toString());
                assertTrue(lookup("#registry-import-apply").queryAs(Button.class).isDisabled(),
                        "nothing is written while a problem remains");
                Screenshots.save(this, lookup("#registry-import").query(), "registry-import");

                writeLedger(ledger, "城西警务区");
                clickOn("#registry-import-read");
                Waits.until("previewed clean", WAIT, () -> problems().isEmpty()
                        && text("#registry-import-summary").startsWith("将新增 2，修改 0，退役 0"));
                assertTrue(text("#registry-import-summary").contains("GB18030"), text("#registry-import-summary"));
                clickOn("#registry-import-apply");
                Waits.until("imported", WAIT, () -> text("#registry-import-summary").startsWith("已新增 2"));
                clickOn(lookup(".dialog-pane .button").match(n -> n instanceof Button b && b.getText().equals("关闭"))
                        .queryButton());
                Waits.until("in the table", WAIT, () -> ids().containsAll(List.of("33010812001310000011",
                        "33010812001310000012")));
                List<Camera> onDuty = duty.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getCamerasList();
                assertEquals(5, onDuty.size(), "every console has them");

                select("c-002");
                clickOn("#registry-retire");
                Waits.until("asked why", WAIT, () -> lookup("#registry-reason").tryQuery().isPresent());
                clickOn("#registry-reason-choice-0");
                clickOn("#registry-reason-ok");
                Waits.until("retired", WAIT, () -> !ids().contains("c-002"));

                // The standard addresses: a book too big for one table, imported, then searched.
                Path book = ledger.resolveSibling("标准地址.csv");
                StringBuilder rows = new StringBuilder("地址编码,标准地址,经度,纬度,警务区\r\n");
                for (int i = 1; i <= 3000; i++) {
                    rows.append("330108-").append(i).append(",城关镇人民路").append(i).append("号,119.9").append(61 + i % 8)
                            .append(",30.54").append(1 + i % 8).append(",\r\n");
                }
                Files.writeString(book, "\uFEFF" + rows);
                clickOn("#registry-addresss");
                clickOn("#registry-import");
                Waits.until("the import dialog", WAIT, () -> lookup("#registry-import-path").tryQuery().isPresent());
                clickOn("#registry-import-path").write(book.toString());
                clickOn("#registry-import-read");
                try {
                    Waits.until("the book previewed", WAIT, () -> text("#registry-import-summary").startsWith("将新增 3,000"));
                } catch (AssertionError e) {
                    throw new AssertionError(text("#registry-import-summary") + " / " + problems() + " / "
                            + text("#registry-status"), e);
                }
                clickOn("#registry-import-apply");
                Waits.until("the book imported", WAIT, () -> text("#registry-import-summary").startsWith("已新增 3,000"));
                clickOn(lookup(".dialog-pane .button").match(n -> n instanceof Button b && b.getText().equals("关闭"))
                        .queryButton());
                clickOn("#registry-search").write("人民路12号");
                Waits.until("found by typing", WAIT, () -> ids().contains("330108-12"));
                assertEquals("330108-12", ids().get(0), "the exact number first");
                assertTrue(lookup("#registry-add").query().isDisabled(), "addresses change by importing their book");
            } finally {
                Consoles.close(w);
            }
        }
    }

    /**
     * The chief redraws a zone's outline on the map: a corner dragged across the far edge is shown
     * crossing and cannot be saved; dragged back, nothing has changed; a notch pulled into an edge
     * saves (the zone's history says its boundary changed, its staffing rule stays); an outline
     * pulled half over the neighbour is refused by the hub, said in the dialog, and nothing changes.
     */
    @Test
    void theChiefRedrawsAZoneOutlineOnTheMap() throws Exception {
        try (TestHub hub = TestHub.start(Backend.H2); HubClient duty = hub.login("duty1")) {
            Workstation w = Consoles.open(hub.port(), hub.certificate(), "chief1", Files.createTempDirectory("layouts"));
            try {
                clickOn("#tab-registry");
                clickOn("#registry-zones");
                Waits.until("the zones listed", WAIT, () -> ids().contains("z-cd"));
                select("z-cd");
                clickOn("#registry-outline");
                Waits.until("the outline on the map", WAIT, () -> lookup("#outline-canvas").tryQuery().isPresent());
                OutlineEditorView editor = (OutlineEditorView) lookup("#outline-canvas").query().getParent();
                assertTrue(lookup("#outline-save").query().isDisabled(), "nothing changed yet");
                assertEquals("4 个顶点", text("#outline-status"));

                // Dropped on a corner it had (or a neighbour's), a corner takes that exact place.
                // Corners: 0 south-west, 1 south-east, 2 north-east, 3 north-west. Corner 0 pulled
                // east past the east edge: its west edge now crosses the east one.
                double[] sw = editor.screenOf(0);
                double[] east = editor.screenOfMiddle(1);
                drag(editor, sw, new double[] {east[0] + 60, east[1]});
                assertTrue(text("#outline-error").contains("自相交"), text("#outline-error"));
                assertTrue(lookup("#outline-save").query().isDisabled(), "a crossing outline is not sent");
                drag(editor, new double[] {east[0] + 60, east[1]}, sw);
                assertEquals("", text("#outline-error"));
                assertTrue(lookup("#outline-save").query().isDisabled(), "back where it was: nothing to save");

                // A notch pulled into the east edge: a fifth corner.
                drag(editor, east, new double[] {east[0] - 80, east[1]});
                assertEquals("5 个顶点", text("#outline-status"));
                assertFalse(lookup("#outline-save").query().isDisabled());
                Screenshots.save(this, lookup("#outline-dialog").query(), "registry-outline");
                clickOn("#outline-save");
                Waits.until("the hub has the new outline", WAIT, () -> zone(duty).getPolygonCount() == 5);
                assertEquals(1, zone(duty).getStaffing().getCommunityOfficers(), "the staffing rule stays");
                Waits.until("its history says the boundary changed", WAIT,
                        () -> history().stream().anyMatch(l -> l.contains("边界")));

                // Half over the neighbour to the west: the hub refuses, the dialog says so.
                select("z-cd");
                Waits.until("the zone read again at its new version", WAIT,
                        () -> lookup("#registry-table").queryAs(TableView.class).getSelectionModel().getSelectedItem()
                                instanceof RegistryEntry e && e.polygon().size() == 5);
                clickOn("#registry-outline");
                Waits.until("the outline on the map", WAIT, () -> lookup("#outline-canvas").tryQuery().isPresent());
                OutlineEditorView again = (OutlineEditorView) lookup("#outline-canvas").query().getParent();
                double[] west = again.screenOfMiddle(4);
                drag(again, west, new double[] {west[0] - 150, west[1]});
                clickOn("#outline-save");
                Waits.until("the hub's refusal said", WAIT, () -> !text("#outline-error").isEmpty());
                assertTrue(lookup("#outline-dialog").tryQuery().isPresent(), "the dialog stays for a correction");
                assertEquals(5, zone(duty).getPolygonCount(), "nothing changed");
                clickOn("#outline-cancel");
            } finally {
                Consoles.close(w);
            }
        }
    }

    /** A mouse drag on the editor's canvas from one of its points to another. */
    private void drag(OutlineEditorView editor, double[] from, double[] to) {
        javafx.scene.Node canvas = editor.lookup("#outline-canvas");
        javafx.geometry.Point2D a = canvas.localToScreen(from[0], from[1]);
        javafx.geometry.Point2D b = canvas.localToScreen(to[0], to[1]);
        moveTo(a).press(javafx.scene.input.MouseButton.PRIMARY);
        moveTo(new javafx.geometry.Point2D((a.getX() + b.getX()) / 2, (a.getY() + b.getY()) / 2));
        moveTo(b).release(javafx.scene.input.MouseButton.PRIMARY);
        interact(commandroom.app.testing.MonocleDrags::forgetPlainDrag);
    }

    private static Zone zone(HubClient c) {
        return c.command().getSnapshot(GetSnapshotRequest.getDefaultInstance()).getZonesList().stream()
                .filter(z -> z.getId().equals("z-cd")).findFirst().orElseThrow();
    }

    private static void writeLedger(Path file, String zone) throws Exception {
        String text = "国标编码,名称,类型,经度,纬度,方向,视角,主码流,警务区\r\n"
                + "33010812001310000011,人民路与解放街口,天网,119.9571,30.5452,90,60,rtsp://10.1.2.11:554/ch1,\r\n"
                + "33010812001310000012,城西小学门口,雪亮,119.9531,30.5433,180,70,rtsp://10.1.2.12:554/ch1," + zone + "\r\n";
        Files.write(file, text.getBytes(TextDecoding.GB18030));
    }

    @SuppressWarnings("unchecked")
    private List<String> ids() {
        return lookup("#registry-table").tryQueryAs(TableView.class)
                .map(t -> ((List<RegistryEntry>) List.copyOf(t.getItems())).stream().map(RegistryEntry::id).toList())
                .orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    private void select(String id) {
        interact(() -> {
            TableView<RegistryEntry> t = lookup("#registry-table").queryAs(TableView.class);
            t.getItems().stream().filter(e -> e.id().equals(id)).findFirst().ifPresent(e -> {
                t.getSelectionModel().select(e);
                t.scrollTo(e);
            });
        });
    }

    @SuppressWarnings("unchecked")
    private List<String> history() {
        return lookup("#registry-history").tryQueryAs(ListView.class).map(l -> ((List<Object>) List.copyOf(l.getItems()))
                .stream().map(o -> RegistryView.line((commandroom.app.model.RegistryChangeLine) o)).toList())
                .orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    private List<String> problems() {
        return lookup("#registry-import-problems").tryQueryAs(ListView.class).map(l -> ((List<Object>) List.copyOf(l.getItems()))
                .stream().map(o -> RegistryViewModel.describe((commandroom.app.model.ImportOutcome.Problem) o)).toList())
                .orElse(List.of());
    }

    private String text(String id) {
        return lookup(id).queryAs(Label.class).getText();
    }
}
