package vn.khien.core.document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * Writes an {@link OfficialDocument} as DOCX (Apache POI XWPF) in the layout of Decree 30/2020/NĐ-CP: A4, margins
 * top/bottom 20 mm, left 30 mm, right 15 mm, Times New Roman 13 pt (Word substitutes a metric-compatible font such
 * as Liberation Serif where Times New Roman is absent), black.
 *
 * <p>Order of the body elements: the borderless two-column header table (governing and issuing body, number and
 * "V/v" left; national motto right), the place-and-date paragraph (italic, under the motto), the title, "Kính gửi",
 * the blocks, and the borderless footer table ("Nơi nhận" left, signature block right).
 */
public final class DocxWriter {
    static final int MM = 57; // twips per millimetre, rounded (1 mm = 56.7 twips)
    private static final int TEXT_WIDTH = 11906 - 45 * MM; // A4 width less left and right margins, in twips
    private static final int LEFT_COLUMN = TEXT_WIDTH * 2 / 5;
    private static final int SIZE = 13;

    private DocxWriter() {}

    public static byte[] write(OfficialDocument d) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            header(doc, d);
            XWPFParagraph date = para(doc, ParagraphAlignment.CENTER);
            date.setIndentationLeft(LEFT_COLUMN);
            run(date, d.placeAndDate(), false, true, false);
            if (d.type() != null && !d.type().isBlank()) {
                XWPFParagraph title = para(doc, ParagraphAlignment.CENTER);
                title.setSpacingBefore(240);
                title.setSpacingAfter(120);
                run(title, OfficialDocument.upper(d.type()), true, false, false).setFontSize(14);
            }
            recipients(doc, d.recipients());
            for (Block b : d.body()) {
                block(doc, b);
            }
            footer(doc, d);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(20 * MM));
        mar.setBottom(BigInteger.valueOf(20 * MM));
        mar.setLeft(BigInteger.valueOf(30 * MM));
        mar.setRight(BigInteger.valueOf(15 * MM));
    }

    private static void header(XWPFDocument doc, OfficialDocument d) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        t.setWidth("100%");
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        left.setWidth("40%");
        right.setWidth("60%");
        boolean first = true;
        if (d.governingBody() != null && !d.governingBody().isBlank()) {
            cellLine(left, OfficialDocument.upper(d.governingBody()), false, false, false, true, 12);
            first = false;
        }
        cellLine(left, OfficialDocument.upper(d.issuingBody()), true, false, false, first, 12);
        cellLine(left, d.numberLine(), false, false, false, false, SIZE);
        cellLine(left, d.subjectLine(), false, false, false, false, 12);
        cellLine(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false, false, true, 12);
        cellLine(right, "Độc lập - Tự do - Hạnh phúc", true, false, true, false, SIZE);
    }

    private static void recipients(XWPFDocument doc, List<String> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        XWPFParagraph kg = para(doc, ParagraphAlignment.LEFT);
        kg.setSpacingBefore(120);
        if (recipients.size() == 1) {
            kg.setIndentationLeft(1800);
            run(kg, "Kính gửi: " + recipients.get(0) + ".", false, false, false);
            return;
        }
        kg.setIndentationLeft(1800);
        run(kg, "Kính gửi:", false, false, false);
        for (int i = 0; i < recipients.size(); i++) {
            XWPFParagraph r = para(doc, ParagraphAlignment.LEFT);
            r.setIndentationLeft(2880);
            run(r, "- " + recipients.get(i) + (i == recipients.size() - 1 ? "." : ";"), false, false, false);
        }
    }

    private static void block(XWPFDocument doc, Block b) {
        if (b instanceof Block.Heading h) {
            XWPFParagraph p = para(doc, ParagraphAlignment.BOTH);
            p.setFirstLineIndent(567);
            p.setSpacingBefore(120);
            run(p, h.text(), true, h.level() > 1, false);
        } else if (b instanceof Block.Paragraph t) {
            XWPFParagraph p = para(doc, ParagraphAlignment.BOTH);
            p.setFirstLineIndent(567);
            run(p, t.text(), false, false, false);
        } else if (b instanceof Block.Table t) {
            table(doc, t);
        } else if (b instanceof Block.BarChart c) {
            chart(doc, c);
        }
    }

    private static void caption(XWPFDocument doc, String caption) {
        if (caption.isBlank()) {
            return;
        }
        XWPFParagraph p = para(doc, ParagraphAlignment.CENTER);
        p.setSpacingBefore(120);
        p.setKeepNext(true);
        run(p, caption, true, true, false).setFontSize(12);
    }

    private static void table(XWPFDocument doc, Block.Table t) {
        caption(doc, t.caption());
        int cols = t.headers().size();
        XWPFTable table = doc.createTable(1 + t.rows().size(), cols);
        table.setWidth("100%");
        int total = t.widths() == null
                ? cols
                : t.widths().stream().mapToInt(Integer::intValue).sum();
        for (int r = 0; r <= t.rows().size(); r++) {
            XWPFTableRow row = table.getRow(r);
            if (r == 0) {
                row.setRepeatHeader(true);
            }
            List<String> values = r == 0 ? t.headers() : t.rows().get(r - 1);
            for (int c = 0; c < cols; c++) {
                XWPFTableCell cell = row.getCell(c);
                int weight = t.widths() == null ? 1 : t.widths().get(c);
                cell.setWidth(Math.max(1, Math.round(100f * weight / total)) + "%");
                XWPFParagraph p = cell.getParagraphs().get(0);
                p.setSpacingAfter(0);
                p.setAlignment(
                        r == 0
                                ? ParagraphAlignment.CENTER
                                : numeric(values.get(c)) ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
                run(p, values.get(c), r == 0, false, false).setFontSize(12);
            }
        }
        para(doc, ParagraphAlignment.LEFT).setSpacingAfter(0);
    }

    static boolean numeric(String s) {
        return !s.isEmpty() && s.matches("[-+]?[0-9][0-9.,]*\\s?%?");
    }

    private static void chart(XWPFDocument doc, Block.BarChart c) {
        caption(doc, c.caption());
        ChartImage.Png png = ChartImage.render(c);
        XWPFParagraph p = para(doc, ParagraphAlignment.CENTER);
        XWPFRun r = p.createRun();
        r.setFontFamily(Fonts.DOCX_FAMILY);
        try {
            r.addPicture(
                    new ByteArrayInputStream(png.bytes()),
                    Document.PICTURE_TYPE_PNG,
                    "chart.png",
                    Units.toEMU(png.widthPt()),
                    Units.toEMU(png.heightPt()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void footer(XWPFDocument doc, OfficialDocument d) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        t.setWidth("100%");
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        left.setWidth("50%");
        right.setWidth("50%");
        cellLine(left, "Nơi nhận:", true, true, false, true, 12).setAlignment(ParagraphAlignment.LEFT);
        for (String c : d.cc()) {
            cellLine(left, "- " + c + ";", false, false, false, false, 11).setAlignment(ParagraphAlignment.LEFT);
        }
        cellLine(left, "- Lưu: VT.", false, false, false, false, 11).setAlignment(ParagraphAlignment.LEFT);
        cellLine(right, d.signer().heading(), true, false, false, true, SIZE);
        for (int i = 0; i < 4; i++) {
            cellLine(right, "", false, false, false, false, SIZE);
        }
        cellLine(right, d.signer().name(), true, false, false, false, SIZE);
    }

    private static XWPFParagraph cellLine(
            XWPFTableCell cell, String text, boolean bold, boolean italic, boolean underline, boolean first, int size) {
        XWPFParagraph p = first ? cell.getParagraphs().get(0) : cell.addParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(0);
        XWPFRun r = run(p, text, bold, italic, underline);
        r.setFontSize(size);
        return p;
    }

    private static XWPFParagraph para(XWPFDocument doc, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingAfter(60);
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, boolean bold, boolean italic, boolean underline) {
        XWPFRun r = p.createRun();
        r.setFontFamily(Fonts.DOCX_FAMILY);
        r.setFontSize(SIZE);
        r.setColor("000000");
        r.setBold(bold);
        r.setItalic(italic);
        if (underline) {
            r.setUnderline(UnderlinePatterns.SINGLE);
        }
        r.setText(text);
        return r;
    }
}
