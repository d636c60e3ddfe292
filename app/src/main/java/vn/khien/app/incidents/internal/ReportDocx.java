package vn.khien.app.incidents.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import vn.khien.core.document.Block;
import vn.khien.core.document.DocxWriter;
import vn.khien.core.document.OfficialDocument;

/**
 * The incident report forms as official documents (văn bản hành chính, Decree 30/2020/NĐ-CP): numbered items turned
 * into the blocks of an {@link OfficialDocument} and written by the shared core {@link DocxWriter}.
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

    private ReportDocx() {}

    public static byte[] write(Letter l) {
        List<Block> body = new ArrayList<>();
        int n = 1;
        for (Item item : l.items()) {
            body.add(new Block.Heading(1, n++ + ". " + item.heading()));
            for (String line : item.lines()) {
                body.add(new Block.Paragraph(line));
            }
        }
        int slash = l.number().indexOf('/');
        return DocxWriter.write(new OfficialDocument(
                l.parentBody(),
                l.issuingBody(),
                l.number(),
                slash < 0 ? l.number() : l.number().substring(slash + 1),
                l.place(),
                l.date(),
                l.title(),
                l.subject(),
                l.recipients(),
                body,
                l.copies(),
                new OfficialDocument.Signer(l.authority(), l.position(), l.signer())));
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
