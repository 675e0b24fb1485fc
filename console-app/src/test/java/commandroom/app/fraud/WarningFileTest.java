package commandroom.app.fraud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.app.model.FraudWarningRow;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarningFileTest {

    static final Map<String, String> ZONES = Map.of("城东警务区", "z-cd", "z-cd", "z-cd", "城西警务区", "z-cx");
    static final String LIST = "姓名,电话,地址,警务区,风险\n张三,13800000001,城东路 1 号,城东警务区,冒充公检法\n"
            + "\"李四\",13800000002,\"城西路 2 号, 3 单元\",城西警务区,\"刷单\"\"返利\"\"\"\n";

    @TempDir
    Path dir;

    @Test
    void aListSavedByExcelInGbkReadsLikeOneInUtf8WithItsMark() throws Exception {
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, LIST.getBytes(Charset.forName("GB18030")));
        Path utf8 = dir.resolve("utf8.csv");
        byte[] body = LIST.getBytes(StandardCharsets.UTF_8);
        byte[] marked = new byte[body.length + 3];
        marked[0] = (byte) 0xef;
        marked[1] = (byte) 0xbb;
        marked[2] = (byte) 0xbf;
        System.arraycopy(body, 0, marked, 3, body.length);
        Files.write(utf8, marked);

        WarningFile.Contents a = WarningFile.read(gbk, ZONES);
        WarningFile.Contents b = WarningFile.read(utf8, ZONES);
        List<FraudWarningRow> expected = List.of(
                new FraudWarningRow(2, "张三", "13800000001", "城东路 1 号", "z-cd", "冒充公检法"),
                new FraudWarningRow(3, "李四", "13800000002", "城西路 2 号, 3 单元", "z-cx", "刷单\"返利\""));
        assertEquals(expected, a.rows());
        assertEquals(expected, b.rows());
        assertTrue(a.importable());
        assertNotEquals(a.source(), b.source(), "different bytes, different sources");
        assertEquals(a.source(), WarningFile.read(gbk, ZONES).source(), "the same file keys the same writes");
    }

    @Test
    void everyProblemIsReportedWithItsLineAndNothingIsImportable() {
        WarningFile.Contents c = WarningFile.parse("name,phone,address,zone\n王五,1380000,城东路 9 号,城北警务区\n,139,,z-cd\n"
                + "赵六,13900000006,城东路 6 号,z-cd\n", ZONES, "s");
        assertEquals(1, c.rows().size());
        assertEquals(2, c.problems().size(), c.problems().toString());
        assertTrue(c.problems().get(0).contains("2") && c.problems().get(0).contains("城北警务区"), c.problems().get(0));
        assertTrue(c.problems().get(1).contains("3"), c.problems().get(1));
        assertFalse(c.importable());
    }

    @Test
    void aHeaderWithoutTheZoneColumnIsRefusedAtLineOne() {
        WarningFile.Contents c = WarningFile.parse("姓名,电话,地址\n张三,1,2\n", ZONES, "s");
        assertTrue(c.rows().isEmpty());
        assertEquals(1, c.problems().size());
        assertFalse(c.importable());
    }
}
