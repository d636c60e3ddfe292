package vn.khien.core.document;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/**
 * Writes an {@link OfficialDocument} as PDF with the same Decree 30/2020/NĐ-CP layout as {@link DocxWriter}, with
 * Liberation Serif embedded (subset) so Vietnamese diacritics survive on any reader.
 *
 * <p>Implementation notes: the document is turned into strict XHTML with a print stylesheet ({@code @page} A4,
 * margins 20/15/20/30 mm) and laid out by openhtmltopdf on PDFBox; all text is escaped, charts are embedded as
 * {@code data:} PNG images, and no external resource is ever fetched.
 */
public final class PdfWriter {
    private static final String CSS = """
            @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
            body { font-family: 'Liberation Serif'; font-size: 13pt; color: #000; line-height: 1.25; }
            table.frame { width: 100%; border-collapse: collapse; }
            table.frame td { vertical-align: top; text-align: center; padding: 0; font-size: 12pt; }
            .b { font-weight: bold; }
            .nw { white-space: nowrap; }
            .i { font-style: italic; }
            .u { text-decoration: underline; }
            .n { font-size: 13pt; }
            p { margin: 0 0 3pt 0; }
            .date { margin-left: 40%; text-align: center; font-style: italic; margin-top: 4pt; }
            .title { text-align: center; font-weight: bold; font-size: 14pt; margin: 12pt 0 6pt 0; }
            .kg { margin-left: 32mm; margin-top: 6pt; }
            .kgl { margin-left: 51mm; }
            .h { font-weight: bold; text-indent: 10mm; text-align: justify; margin-top: 6pt; }
            .h2 { font-style: italic; }
            .p { text-indent: 10mm; text-align: justify; }
            .cap { text-align: center; font-weight: bold; font-style: italic; font-size: 12pt; margin-top: 6pt;
                   page-break-after: avoid; }
            table.data { width: 100%; border-collapse: collapse; margin-bottom: 6pt; font-size: 12pt; }
            table.data th, table.data td { border: 0.5pt solid #000; padding: 1pt 3pt; }
            table.data th { font-weight: bold; text-align: center; }
            table.data td.num { text-align: right; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            .chart { text-align: center; }
            table.foot { width: 100%; border-collapse: collapse; margin-top: 12pt; page-break-inside: avoid; }
            table.foot td { vertical-align: top; width: 50%; padding: 0; }
            .nn { font-size: 11pt; }
            .nnh { font-weight: bold; font-style: italic; font-size: 12pt; }
            .sign { text-align: center; }
            .gap { height: 60pt; }
            """;

    /** Dates and numbers with a slash ("10/2026", "12/BC-SKHCN") are kept on one line. */
    private static final java.util.regex.Pattern NO_BREAK =
            java.util.regex.Pattern.compile("([0-9]+/[0-9A-Za-zĐđ/-]+)");

    private PdfWriter() {}

    public static byte[] write(OfficialDocument d) {
        String html = html(d);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            for (Fonts.Face face : Fonts.Face.values()) {
                b.useFont(
                        (FSSupplier<InputStream>) face::open,
                        Fonts.PDF_FAMILY,
                        face.weight,
                        face.italic ? FontStyle.ITALIC : FontStyle.NORMAL,
                        true);
            }
            b.withHtmlContent(html, null);
            b.toStream(out);
            b.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String html(OfficialDocument d) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"UTF-8\"/><title>")
                .append(esc(d.type() == null ? d.subjectLine() : d.type() + " " + d.subjectLine()))
                .append("</title><style>")
                .append(CSS)
                .append("</style></head><body>");
        h.append("<table class=\"frame\"><tr><td style=\"width:40%\">");
        if (d.governingBody() != null && !d.governingBody().isBlank()) {
            line(h, "", OfficialDocument.upper(d.governingBody()));
        }
        line(h, "b", OfficialDocument.upper(d.issuingBody()));
        line(h, "n", d.numberLine());
        line(h, "", d.subjectLine());
        h.append("</td><td style=\"width:60%\">");
        line(h, "b", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        line(h, "b u n", "Độc lập - Tự do - Hạnh phúc");
        h.append("</td></tr></table>");
        line(h, "date", d.placeAndDate());
        if (d.type() != null && !d.type().isBlank()) {
            line(h, "title", OfficialDocument.upper(d.type()));
        }
        recipients(h, d.recipients());
        for (Block b : d.body()) {
            block(h, b);
        }
        h.append("<table class=\"foot\"><tr><td>");
        line(h, "nnh", "Nơi nhận:");
        for (String c : d.cc()) {
            line(h, "nn", "- " + c + ";");
        }
        line(h, "nn", "- Lưu: VT.");
        h.append("</td><td class=\"sign\">");
        line(h, "b", d.signer().heading());
        h.append("<div class=\"gap\"></div>");
        line(h, "b", d.signer().name());
        h.append("</td></tr></table></body></html>");
        return h.toString();
    }

    private static void recipients(StringBuilder h, List<String> recipients) {
        if (recipients.size() == 1) {
            line(h, "kg", "Kính gửi: " + recipients.get(0) + ".");
        } else if (!recipients.isEmpty()) {
            line(h, "kg", "Kính gửi:");
            for (int i = 0; i < recipients.size(); i++) {
                line(h, "kgl", "- " + recipients.get(i) + (i == recipients.size() - 1 ? "." : ";"));
            }
        }
    }

    private static void block(StringBuilder h, Block b) {
        if (b instanceof Block.Heading x) {
            line(h, x.level() > 1 ? "h h2" : "h", x.text());
        } else if (b instanceof Block.Paragraph x) {
            line(h, "p", x.text());
        } else if (b instanceof Block.Table t) {
            table(h, t);
        } else if (b instanceof Block.BarChart c) {
            if (!c.caption().isBlank()) {
                line(h, "cap", c.caption());
            }
            ChartImage.Png png = ChartImage.render(c);
            h.append("<div class=\"chart\"><img alt=\"")
                    .append(esc(c.caption()))
                    .append("\" style=\"width:")
                    .append(png.widthPt())
                    .append("pt;height:")
                    .append(png.heightPt())
                    .append("pt\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png.bytes()))
                    .append("\"/></div>");
        }
    }

    private static void table(StringBuilder h, Block.Table t) {
        if (!t.caption().isBlank()) {
            line(h, "cap", t.caption());
        }
        h.append("<table class=\"data\">");
        if (t.widths() != null) {
            int total = t.widths().stream().mapToInt(Integer::intValue).sum();
            h.append("<colgroup>");
            for (int w : t.widths()) {
                h.append("<col style=\"width:")
                        .append(Math.round(1000f * w / total) / 10f)
                        .append("%\"/>");
            }
            h.append("</colgroup>");
        }
        h.append("<thead><tr>");
        for (String head : t.headers()) {
            h.append("<th>").append(esc(head)).append("</th>");
        }
        h.append("</tr></thead><tbody>");
        for (List<String> row : t.rows()) {
            h.append("<tr>");
            for (String cell : row) {
                h.append(DocxWriter.numeric(cell) ? "<td class=\"num\">" : "<td>")
                        .append(esc(cell))
                        .append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    private static void line(StringBuilder h, String cls, String text) {
        h.append(cls.isEmpty() ? "<p>" : "<p class=\"" + cls + "\">")
                .append(NO_BREAK.matcher(esc(text)).replaceAll("<span class=\"nw\">$1</span>"))
                .append("</p>");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\n' -> b.append("<br/>");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
