package vn.khien.app.incidents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.jspecify.annotations.Nullable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * Writes an official document (văn bản hành chính) in the layout of Decree 30/2020/NĐ-CP (DOMAIN.md §7): A4,
 * margins 20/20/30/15 mm, Times New Roman 13 pt, the two-column header (bodies and number left, national motto
 * right), place and date in italics, title, "Kính gửi", numbered body, "Nơi nhận" and the signature block.
 */
public final class ReportDocx {
    /** The letter's head and foot; the body is given as numbered items. */
    public record Letter(
            String parentBody,
            String issuingBody,
            String number,
            String subject,
            String place,
            LocalDate date,
            String title,
            List<String> recipients,
            List<Item> items,
            List<String> copies,
            String authority,
            String position,
            String signer) {}

    /** One numbered item: a heading and its lines ("label: value"). */
    public record Item(String heading, List<String> lines) {}

    private static final String FONT = "Times New Roman";
    private static final int MM = 57; // twips per millimetre, rounded (1 mm = 56.7 twips)

    private ReportDocx() {}

    public static byte[] write(Letter l) {
        try (XWPFDocument doc = new XWPFDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page(doc);
            header(doc, l);
            XWPFParagraph date = para(doc, ParagraphAlignment.RIGHT);
            run(
                    date,
                    l.place() + ", ngày " + two(l.date().getDayOfMonth()) + " tháng "
                            + two(l.date().getMonthValue()) + " năm " + l.date().getYear(),
                    false,
                    true,
                    false);
            XWPFParagraph title = para(doc, ParagraphAlignment.CENTER);
            title.setSpacingBefore(240);
            run(title, l.title(), true, false, false);
            XWPFParagraph kg = para(doc, ParagraphAlignment.LEFT);
            kg.setIndentationLeft(720);
            run(kg, "Kính gửi:", false, false, false);
            for (int i = 0; i < l.recipients().size(); i++) {
                XWPFParagraph r = para(doc, ParagraphAlignment.LEFT);
                r.setIndentationLeft(1800);
                run(
                        r,
                        "- " + l.recipients().get(i) + (i == l.recipients().size() - 1 ? "." : ";"),
                        false,
                        false,
                        false);
            }
            int n = 1;
            for (Item item : l.items()) {
                XWPFParagraph h = para(doc, ParagraphAlignment.BOTH);
                h.setFirstLineIndent(567);
                run(h, n++ + ". " + item.heading(), true, false, false);
                for (String line : item.lines()) {
                    XWPFParagraph p = para(doc, ParagraphAlignment.BOTH);
                    p.setFirstLineIndent(567);
                    run(p, line, false, false, false);
                }
            }
            footer(doc, l);
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

    private static void header(XWPFDocument doc, Letter l) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        t.setWidth("100%");
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        left.setWidth("40%");
        right.setWidth("60%");
        cellLine(left, l.parentBody().toUpperCase(java.util.Locale.ROOT), false, false, false, true);
        cellLine(left, l.issuingBody().toUpperCase(java.util.Locale.ROOT), true, false, false, false);
        cellLine(left, "Số: " + l.number(), false, false, false, false);
        cellLine(left, "V/v " + l.subject(), false, false, false, false);
        cellLine(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", true, false, false, true);
        cellLine(right, "Độc lập - Tự do - Hạnh phúc", true, false, true, false);
    }

    private static void footer(XWPFDocument doc, Letter l) {
        XWPFTable t = doc.createTable(1, 2);
        t.removeBorders();
        t.setWidth("100%");
        XWPFTableCell left = t.getRow(0).getCell(0);
        XWPFTableCell right = t.getRow(0).getCell(1);
        cellLine(left, "Nơi nhận:", true, true, false, true);
        for (String c : l.copies()) {
            cellLine(left, "- " + c + ";", false, false, false, false);
        }
        cellLine(left, "- Lưu: VT.", false, false, false, false);
        cellLine(
                right, l.authority() + " " + l.position().toUpperCase(java.util.Locale.ROOT), true, false, false, true);
        cellLine(right, "", false, false, false, false);
        cellLine(right, "", false, false, false, false);
        cellLine(right, "", false, false, false, false);
        cellLine(right, l.signer(), true, false, false, false);
    }

    private static void cellLine(
            XWPFTableCell cell, String text, boolean bold, boolean italic, boolean underline, boolean first) {
        XWPFParagraph p = first ? cell.getParagraphs().get(0) : cell.addParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        p.setSpacingAfter(0);
        XWPFRun r = run(p, text, bold, italic, underline);
        r.setFontSize(12);
    }

    private static XWPFParagraph para(XWPFDocument doc, ParagraphAlignment align) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(align);
        p.setSpacingAfter(60);
        return p;
    }

    private static XWPFRun run(XWPFParagraph p, String text, boolean bold, boolean italic, boolean underline) {
        XWPFRun r = p.createRun();
        r.setFontFamily(FONT);
        r.setFontSize(13);
        r.setColor("000000");
        r.setBold(bold);
        r.setItalic(italic);
        if (underline) {
            r.setUnderline(UnderlinePatterns.SINGLE);
        }
        r.setText(text);
        return r;
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    /** "15/01/2026 09:30" in {@code zone}; "…" when absent. */
    public static String when(@Nullable Instant at, ZoneId zone) {
        return at == null
                ? "…"
                : DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy")
                        .withZone(zone)
                        .format(at);
    }
}
