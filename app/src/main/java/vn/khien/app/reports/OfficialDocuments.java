package vn.khien.app.reports;

import org.springframework.stereotype.Service;
import vn.khien.core.document.DocxWriter;
import vn.khien.core.document.OfficialDocument;
import vn.khien.core.document.PdfWriter;

/**
 * Renders official documents (văn bản hành chính, Decree 30/2020/NĐ-CP layout) for any module: DOCX in Times New
 * Roman, PDF with Liberation Serif embedded.
 */
@Service
public class OfficialDocuments {
    public byte[] docx(OfficialDocument document) {
        return DocxWriter.write(document);
    }

    public byte[] pdf(OfficialDocument document) {
        return PdfWriter.write(document);
    }
}
