package commandroom.bench.board;

import commandroom.app.board.BoardView;
import commandroom.app.board.BoardViewModel;
import commandroom.app.connection.ConsoleState;
import commandroom.app.connection.EventApplier;
import commandroom.app.model.TaskStage;
import commandroom.app.ui.Theme;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Callback;

/**
 * The console's board as the workstation builds it: state, applier, view model and view, in a
 * themed 1920x1080 scene on a shown stage. Create and use on the FX thread only.
 */
final class BoardScene {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** What one column shows: items in its list, and the count in its header. */
    record Column(String id, int items, int header) {}

    final ConsoleState state = new ConsoleState();
    final EventApplier applier = new EventApplier(state);
    final BoardViewModel model;
    final BoardView view;
    final Scene scene;
    final Stage stage;
    /** Cells the lists' factories have made so far: a list that rebuilds its cells shows here. */
    int cellsCreated;

    BoardScene() {
        Theme.install();
        model = new BoardViewModel(state);
        view = new BoardView(model, Clock.systemDefaultZone());
        lists().forEach(this::countCells);
        scene = Theme.style(new Scene(view, 1920, 1080));
        stage = new Stage();
        stage.setScene(scene);
        stage.show();
    }

    private <T> void countCells(ListView<T> list) {
        Callback<ListView<T>, ListCell<T>> factory = list.getCellFactory();
        list.setCellFactory(v -> {
            cellsCreated++;
            return factory.call(v);
        });
    }

    /** CPU time of the calling thread so far, in nanoseconds (the FX thread's, when called there). */
    static long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime();
    }

    /** Forces the CSS and layout pass a pulse would run, and returns how long it took. */
    long layoutNanos() {
        long t0 = System.nanoTime();
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        return System.nanoTime() - t0;
    }

    /** The board's lists, the new incidents first, then one per stage. */
    List<ListView<?>> lists() {
        List<ListView<?>> lists = new ArrayList<>();
        for (String id : columnIds()) {
            lists.add((ListView<?>) column(id).getChildren().get(1));
        }
        return lists;
    }

    /** What each column shows now. */
    List<Column> columns() {
        List<Column> out = new ArrayList<>();
        for (String id : columnIds()) {
            VBox box = column(id);
            String header = ((Label) box.getChildren().get(0)).getText().trim();
            int count = Integer.parseInt(header.substring(header.lastIndexOf(' ') + 1));
            out.add(new Column(id, ((ListView<?>) box.getChildren().get(1)).getItems().size(), count));
        }
        return out;
    }

    static List<String> columnIds() {
        List<String> ids = new ArrayList<>();
        ids.add("NEW");
        for (TaskStage s : BoardViewModel.COLUMNS) {
            ids.add(s.name());
        }
        return ids;
    }

    private VBox column(String id) {
        Node n = view.lookup("#column-" + id);
        if (!(n instanceof VBox box)) {
            throw new IllegalStateException("the board has no column " + id);
        }
        return box;
    }
}
