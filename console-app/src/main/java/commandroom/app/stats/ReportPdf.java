package commandroom.app.stats;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Calendar;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Writes the figures report as a one-page A4 PDF: the page as the console drew it (tables and
 * chart), as an image, so that the Chinese prints exactly as on screen whatever fonts the printer's
 * machine has (Debian's CJK fonts are CFF-based OpenType, which PDFBox cannot embed as text).
 * Thread-safe; call off the FX thread.
 */
public final class ReportPdf {

    private ReportPdf() {}

    /** Writes page (drawn for A4 portrait) to file, with the title in the document's properties. */
    public static void write(BufferedImage page, String title, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try (PDDocument doc = new PDDocument()) {
            PDPage a4 = new PDPage(PDRectangle.A4);
            doc.addPage(a4);
            PDImageXObject image = LosslessFactory.createFromImage(doc, page);
            PDRectangle box = a4.getMediaBox();
            float scale = Math.min(box.getWidth() / page.getWidth(), box.getHeight() / page.getHeight());
            float w = page.getWidth() * scale;
            float h = page.getHeight() * scale;
            try (PDPageContentStream content = new PDPageContentStream(doc, a4)) {
                content.drawImage(image, (box.getWidth() - w) / 2, box.getHeight() - h, w, h);
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Command Room Console");
            info.setCreationDate(Calendar.getInstance());
            doc.save(tmp.toFile());
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
