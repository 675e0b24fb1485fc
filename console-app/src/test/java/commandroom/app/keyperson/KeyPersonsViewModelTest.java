package commandroom.app.keyperson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.connection.ConsoleState;
import commandroom.app.model.KeyPersonAccessItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The register's reason and its access log's words, without the toolkit or a hub: what counts as
 * a reason, that declining keeps the register closed and says so, and how an access reads.
 */
class KeyPersonsViewModelTest {

    @Test
    void aReasonIsTwoToTwoHundredCharactersOnceTrimmed() {
        assertFalse(commandroom.app.model.Reasons.valid(null));
        assertFalse(commandroom.app.model.Reasons.valid(""));
        assertFalse(commandroom.app.model.Reasons.valid(" 查 "));
        assertTrue(commandroom.app.model.Reasons.valid("研判"));
        assertTrue(commandroom.app.model.Reasons.valid("查".repeat(200)));
        assertFalse(commandroom.app.model.Reasons.valid("查".repeat(201)));
    }

    @Test
    void withoutAReasonTheRegisterStaysClosedAndSaysSoCalmly() {
        KeyPersonsViewModel model = new KeyPersonsViewModel(null, new ConsoleState());
        assertThrows(IllegalArgumentException.class, () -> model.open("查"), "never sent without a reason");
        model.decline();
        assertFalse(model.openProperty().get());
        assertTrue(model.noticeProperty().get().contains("保持关闭"), model.noticeProperty().get());
        assertEquals("", model.problemProperty().get(), "declining is not a failure");
        model.close();
        assertEquals("", model.noticeProperty().get());
    }

    @Test
    void anAccessReadsWhoWhatAndWhichPersons() {
        Map<String, String> visible = Map.of("P-0001", "张某某");
        AccessLogViewModel log = new AccessLogViewModel(null, id -> visible.getOrDefault(id, id),
                id -> id.equals("u-cd-co1") ? "城东社区民警 李明" : id);
        KeyPersonAccessItem refused = new KeyPersonAccessItem(7, Instant.EPOCH, "duty1", "值班民警 周", "DUTY_OFFICER", "",
                "get", List.of("P-0002"), "好奇看看", true);
        assertEquals("值班民警 周（值班民警）", log.who(refused));
        assertEquals("查看", log.what(refused));
        assertEquals("P-0002", log.persons(refused), "an id where the chief cannot see the person");
        KeyPersonAccessItem list = new KeyPersonAccessItem(8, Instant.EPOCH, "u-cd-co1", "u-cd-co1", "FIELD_UNIT", "u-cd-co1",
                "list", List.of("P-0001", "P-0002"), "走访前查看", false);
        assertEquals("城东社区民警 李明（一线单元）", log.who(list), "a terminal by its unit's name");
        assertEquals("列表", log.what(list));
        assertEquals("张某某、P-0002", log.persons(list));
        assertEquals("—", log.persons(new KeyPersonAccessItem(9, Instant.EPOCH, "leader1", "带班 王", "SHIFT_LEADER", "",
                "list", List.of(), "交接班核对", true)));
    }
}
