package commandroom.sim.terminal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.v1.Photo;
import commandroom.v1.ResultCode;
import commandroom.v1.TaskKind;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FeedbackAndPhotoTest {

    @Test
    void aScenePhotoIsASmallPngWithACorrectHash() throws Exception {
        Photo photo = PhotoMaker.make("scene-1.png", new Random(9));
        byte[] data = photo.getData().toByteArray();
        assertEquals("image/png", photo.getContentType());
        assertTrue(data.length > 200 && data.length < 16 * 1024, "size " + data.length);
        assertArrayEquals(PhotoMaker.sha256(data), photo.getSha256().toByteArray());
        assertEquals(32, photo.getSha256().size());
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(data));
        assertNotNull(image);
        assertEquals(160, image.getWidth());
    }

    @Test
    void mediationsMostlyEndMediatedAndResponsesMostlyResolved() {
        Random random = new Random(11);
        Map<ResultCode, Integer> mediate = new EnumMap<>(ResultCode.class);
        Map<ResultCode, Integer> respond = new EnumMap<>(ResultCode.class);
        for (int i = 0; i < 1000; i++) {
            mediate.merge(FeedbackComposer.compose(TaskKind.TASK_KIND_MEDIATE, "人民路1号", null, random).resultCode(), 1,
                    Integer::sum);
            respond.merge(FeedbackComposer.compose(TaskKind.TASK_KIND_RESPOND, "人民路1号", null, random).resultCode(), 1,
                    Integer::sum);
        }
        assertTrue(mediate.getOrDefault(ResultCode.RESULT_CODE_MEDIATED, 0) > 700, mediate.toString());
        assertEquals(0, mediate.getOrDefault(ResultCode.RESULT_CODE_RESOLVED, 0));
        assertTrue(respond.getOrDefault(ResultCode.RESULT_CODE_RESOLVED, 0) > 700, respond.toString());
        assertEquals(0, respond.getOrDefault(ResultCode.RESULT_CODE_MEDIATED, 0));
    }

    @Test
    void feedbackNamesThePlaceAndAnswersTheReviewerAfterAReturn() {
        FeedbackComposer.Composed first = FeedbackComposer.compose(TaskKind.TASK_KIND_VERIFY, "解放街8号", null, new Random(1));
        FeedbackComposer.Composed again = FeedbackComposer.compose(TaskKind.TASK_KIND_VERIFY, "解放街8号", "请补充现场照片后重新反馈。",
                new Random(1));
        assertTrue(first.text().contains("解放街8号"), first.text());
        assertTrue(again.text().contains("请补充现场照片后重新反馈。"), again.text());
        assertTrue(first.text().length() <= 4000);
    }
}
