package ru.parus.platform.pdf;

import java.io.IOException;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Writes text down A4 pages from the top, starting a new page when the next line would cross the bottom margin.
 * The one page writer of the services' documents (fulfillment's packing and shipping papers, notification's price
 * list): they say what goes where, this keeps the cursor and the pages.
 */
public final class PdfPageWriter implements AutoCloseable {
    private final PDDocument doc;
    private final float margin;
    private PDPageContentStream stream;
    private float y;

    public PdfPageWriter(PDDocument doc, float margin) throws IOException {
        this.doc = doc;
        this.margin = margin;
        newPage();
    }

    /** The left edge of the text area. */
    public float left() {
        return margin;
    }

    /** The right edge of the text area. */
    public float right() {
        return PDRectangle.A4.getWidth() - margin;
    }

    /** Starts a new page when less than {@code height} points are left above the bottom margin. */
    public void keepRoom(float height) throws IOException {
        if (y - height < margin) {
            newPage();
        }
    }

    /** Moves the cursor down. */
    public void down(float points) {
        y -= points;
    }

    /** Text at {@code x} on the cursor's line, which stays where it is; characters the font lacks become '?'. */
    public void at(PDFont font, float size, float x, String text) throws IOException {
        stream.beginText();
        stream.setFont(font, size);
        stream.newLineAtOffset(x, y);
        stream.showText(PdfText.printable(font, text));
        stream.endText();
    }

    /** Text ending at {@code right} on the cursor's line (figures in a column). */
    public void rightAligned(PDFont font, float size, float right, String text) throws IOException {
        String printable = PdfText.printable(font, text);
        at(font, size, right - PdfText.width(font, size, printable), printable);
    }

    /**
     * Text wrapped to {@code width} from {@code x}, a line each {@code leading} points, pages turned as needed; the
     * cursor ends below the last line.
     */
    public void wrapped(PDFont font, float size, float leading, float x, float width, String text) throws IOException {
        List<String> lines = PdfText.wrap(font, size, PdfText.printable(font, text), width);
        for (String line : lines) {
            keepRoom(0);
            at(font, size, x, line);
            y -= leading;
        }
    }

    /** Lines of wrapped text, each taking the height {@code wrapped} would give it. */
    public int lineCount(PDFont font, float size, float width, String text) throws IOException {
        return PdfText.wrap(font, size, PdfText.printable(font, text), width).size();
    }

    private void newPage() throws IOException {
        if (stream != null) {
            stream.close();
        }
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        stream = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - margin;
    }

    @Override
    public void close() throws IOException {
        stream.close();
    }
}
