package commandroom.app.board.dispatch;

import commandroom.app.ui.Labels;
import java.util.Set;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.ListView;
import javafx.scene.control.cell.CheckBoxListCell;

/** A list of units to tick, nearest first; the ticked ids go into a set. Used by dispatch and reassign. */
public final class UnitPicker {

    private UnitPicker() {}

    public static void bind(ListView<DispatchDialogViewModel.Candidate> list, Set<String> ticked) {
        list.setCellFactory(CheckBoxListCell.forListView(c -> {
            var p = new SimpleBooleanProperty(ticked.contains(c.unit().id()));
            p.addListener((o, was, is) -> {
                if (is) {
                    ticked.add(c.unit().id());
                } else {
                    ticked.remove(c.unit().id());
                }
            });
            return p;
        }, Labels.of(DispatchDialogViewModel.Candidate::label)));
    }
}
