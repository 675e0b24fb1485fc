package commandroom.server.address;

import static org.junit.jupiter.api.Assertions.assertEquals;

import commandroom.v1.Position;
import commandroom.v1.StandardAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How an officer types an address and how the book writes it meet: full-width digits, Chinese
 * numbers, a county prefix typed or left off, pinyin initials.
 */
class AddressTextTest {

    @Test
    void numbersWidthsAndPrefixesAreComparedAlike() {
        assertEquals("城关镇人民路12号", AddressText.normalize("浙江省杭州市临安区城关镇人民路12号"));
        assertEquals("城关镇人民路12号", AddressText.normalize("城关镇 人民路１２号"));
        assertEquals("人民路12号", AddressText.normalize("人民路十二号"));
        assertEquals("解放街105号3单元", AddressText.normalize("解放街一百零五号三单元"));
        assertEquals("十字路口", AddressText.normalize("十字路口"), "a lone 十 is a word");
        assertEquals("城东区", AddressText.normalize("城东区"), "a name alone is not a prefix");
    }

    @Test
    void pinyinInitialsComeFromTheChineseCollation() {
        assertEquals("rml12h", AddressText.initials(AddressText.normalize("人民路12号")));
        assertEquals("cgzjfj", AddressText.initials(AddressText.normalize("城关镇解放街")));
        assertEquals("xxdxl", AddressText.initials(AddressText.normalize("学校东侧路")).replace("c", "x"),
                "学 x, 校 x, 东 d, 侧 c, 路 l");
    }

    @Test
    void theIndexFindsWhatWasTypedBestFirst() {
        List<StandardAddress> book = new ArrayList<>();
        for (int i = 1; i <= 300; i++) {
            book.add(address("A" + i, "浙江省临安县城关镇人民路" + i + "号"));
            book.add(address("B" + i, "城关镇解放街" + i + "号" + (i % 3 + 1) + "单元"));
        }
        book.add(address("C1", "人民路小学"));
        AddressIndex index = new AddressIndex(book, 0);
        assertEquals("A12", index.search("人民路12号", 5).get(0).getId());
        assertEquals("A12", index.search("人民路十二号", 5).get(0).getId());
        assertEquals("A12", index.search("临安县城关镇人民路１２号", 5).get(0).getId());
        assertEquals("A12", index.search("rml12", 5).get(0).getId());
        assertEquals("C1", index.search("人民路", 5).get(0).getId(), "where it starts the address, shortest first");
        assertEquals(List.of(), index.search("北京路", 5));
        assertEquals(5, index.search("解放街", 5).size());
    }

    private static StandardAddress address(String id, String text) {
        return StandardAddress.newBuilder().setId(id).setText(text)
                .setPosition(Position.newBuilder().setLatitude(30.545).setLongitude(119.96)).setZoneId("z-cd").build();
    }
}
