package commandroom.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import commandroom.v1.Camera;
import commandroom.v1.CameraKind;
import commandroom.v1.ImportProblemCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A camera ledger as offices save it: Excel's plain CSV on a Chinese Windows (GBK), WPS's CSV with
 * a byte-order mark, an .xlsx workbook; full-width digits; every bad line named with its column
 * and reason, the good lines read.
 */
class CameraLedgerTest {

    private static final Map<String, String> ZONES = Map.of("z-cd", "z-cd", "城东警务区", "z-cd", "z-cx", "z-cx");
    private static final Function<String, Optional<String>> ZONE = t -> Optional.ofNullable(ZONES.get(t));
    private static final String HEADER = "国标编码,名称,类型,经度,纬度,方向,视角,主码流,警务区\r\n";

    @Test
    void aGbkCsvFromExcelIsReadLikeItsUtf8Twin() {
        String text = HEADER
                + "33010812001310000001,\"人民路口, 东\",天网,119.9652,30.5451,90,60,rtsp://10.1.2.3:554/ch1,城东警务区\r\n"
                + "３３０１０８１２００１３１００００００２,解放街,雪亮,119.9552,30.5452,,,,\r\n";
        ReadFile<Camera> gbk = CameraLedger.read("台账.csv", text.getBytes(TextDecoding.GB18030), ZONE);
        ReadFile<Camera> bom = CameraLedger.read("台账.csv", withBom(text.getBytes(StandardCharsets.UTF_8)), ZONE);
        assertEquals(List.of(), gbk.problems());
        assertEquals("GB18030", gbk.encoding());
        assertEquals("UTF-8 (BOM)", bom.encoding());
        assertEquals(gbk.items(), bom.items(), "the same ledger whatever the encoding");
        Camera first = gbk.items().get(0);
        assertEquals("33010812001310000001", first.getId(), "the national code is the id without an id column");
        assertEquals("人民路口, 东", first.getName(), "a quoted comma stays in the name");
        assertEquals(CameraKind.CAMERA_KIND_SKYNET, first.getKind());
        assertEquals("z-cd", first.getZoneId());
        assertEquals(90, first.getFieldOfView().getDirectionDegrees());
        assertEquals("33010812001310000002", gbk.items().get(1).getNationalCode(), "full-width digits read");
        assertEquals("", gbk.items().get(1).getZoneId(), "no zone: the hub finds it from the position");
        assertEquals(List.of(2, 3), gbk.lines());
        assertEquals(64, gbk.sha256().length());
    }

    @Test
    void everyBadLineIsNamedAndTheGoodOnesRead() {
        String text = HEADER
                + "3301081200131000000,短码,天网,119.96,30.54,,,,\n"
                + "33010812001310000003,好的,社会面,119.96,30.54,,,,\n"
                + "33010812001310000003,重复,雪亮,119.96,30.54,,,,\n"
                + "33010812001310000004,类型错,球机,119.96,30.54,,,,\n"
                + "33010812001310000005,经度错,天网,东经119,30.54,,,,\n"
                + "33010812001310000006,出界,天网,200,30.54,,,,\n"
                + "33010812001310000007,地址错,天网,119.96,30.54,,,ftp://x/y,\n"
                + "33010812001310000008,没这个区,天网,119.96,30.54,,,,城南\n";
        ReadFile<Camera> read = CameraLedger.read("ledger.csv", text.getBytes(StandardCharsets.UTF_8), ZONE);
        assertEquals(List.of("33010812001310000003"), read.items().stream().map(Camera::getId).toList());
        assertEquals(List.of(
                "2 IMPORT_PROBLEM_CODE_BAD_NATIONAL_CODE", "4 IMPORT_PROBLEM_CODE_DUPLICATE",
                "5 IMPORT_PROBLEM_CODE_UNKNOWN_VALUE", "6 IMPORT_PROBLEM_CODE_NOT_A_NUMBER",
                "7 IMPORT_PROBLEM_CODE_OUT_OF_RANGE", "8 IMPORT_PROBLEM_CODE_BAD_URL", "9 IMPORT_PROBLEM_CODE_UNKNOWN_ZONE"),
                read.problems().stream().map(p -> p.where() + " " + p.code().name()).toList());
        assertEquals(List.of("国标编码", "33010812001310000003", "3"), read.problems().get(1).args(),
                "the duplicate names the line it repeats");
    }

    @Test
    void aWorkbookIsReadAndAMergedHeaderIsSaid() throws Exception {
        byte[] plain = workbook(false);
        ReadFile<Camera> read = CameraLedger.read("点位.xlsx", plain, ZONE);
        assertEquals(List.of(), read.problems());
        assertEquals(1, read.items().size());
        assertEquals(30.5451, read.items().get(0).getPosition().getLatitude(), 1e-9);

        ReadFile<Camera> merged = CameraLedger.read("点位.xlsx", workbook(true), ZONE);
        assertTrue(merged.problems().stream().anyMatch(p -> p.code() == ImportProblemCode.IMPORT_PROBLEM_CODE_MERGED_HEADER),
                merged.problems().toString());
        ReadFile<Camera> notABook = CameraLedger.read("点位.xlsx", "这不是表格".getBytes(StandardCharsets.UTF_8), ZONE);
        assertEquals(ImportProblemCode.IMPORT_PROBLEM_CODE_BAD_FILE, notABook.problems().get(0).code());
    }

    @Test
    void aLedgerWithoutItsColumnsSaysWhichAreMissing() {
        ReadFile<Camera> read = CameraLedger.read("x.csv", "名称,经度\n甲,119\n".getBytes(StandardCharsets.UTF_8), ZONE);
        assertEquals(List.of("国标编码", "类型", "纬度"), read.problems().stream()
                .filter(p -> p.code() == ImportProblemCode.IMPORT_PROBLEM_CODE_MISSING_COLUMN).map(FileProblem::column).toList());
        assertTrue(read.items().isEmpty());
    }

    private static byte[] workbook(boolean mergedHeader) throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = book.createSheet("点位");
            int r = 0;
            if (mergedHeader) {
                sheet.createRow(r++).createCell(0).setCellValue("某县公安局视频点位台账");
                sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 8));
            }
            String[] header = HEADER.strip().split(",");
            var h = sheet.createRow(r++);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            var row = sheet.createRow(r);
            row.createCell(0).setCellValue("33010812001310000001");
            row.createCell(1).setCellValue("人民路口");
            row.createCell(2).setCellValue("天网");
            row.createCell(3).setCellValue(119.9652);
            row.createCell(4).setCellValue(30.5451);
            book.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] withBom(byte[] b) {
        byte[] out = new byte[b.length + 3];
        out[0] = (byte) 0xEF;
        out[1] = (byte) 0xBB;
        out[2] = (byte) 0xBF;
        System.arraycopy(b, 0, out, 3, b.length);
        return out;
    }
}
