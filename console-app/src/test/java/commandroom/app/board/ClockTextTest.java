package commandroom.app.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.app.model.StepClock;
import commandroom.app.ui.Messages;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A card's clock: plain while there is time, amber near the end, red when late. */
class ClockTextTest {

    @Test
    void clockTurnsAmberThenRed() {
        Messages.use(Locale.SIMPLIFIED_CHINESE);
        Instant start = Instant.ofEpochSecond(0);
        StepClock arrive = new StepClock("ARRIVE", Instant.ofEpochSecond(600), false, null);
        assertEquals(new ClockText.Reading("到场 剩 08:20", ""), ClockText.read(arrive, Instant.ofEpochSecond(100), start));
        assertEquals("clock-amber", ClockText.read(arrive, Instant.ofEpochSecond(500), start).styleClass());
        assertEquals(new ClockText.Reading("到场 超时 01:05", "clock-red"),
                ClockText.read(arrive, Instant.ofEpochSecond(665), start));
        Messages.use(Locale.ENGLISH);
        assertEquals("Arrive in 08:20", ClockText.read(arrive, Instant.ofEpochSecond(100), start).text());
        Messages.use(Locale.SIMPLIFIED_CHINESE);
    }
}
