package vn.khien.core.directive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Extracts the text of a DOCX file, one paragraph per line, from {@code word/document.xml} alone.
 *
 * <p>Implementation notes: the zip is read as a stream and only the main document part is inflated, into a
 * buffer capped at {@link DirectiveParser#MAX_DOCX_ENTRY_BYTES}; the declared sizes in the zip are not
 * trusted, so a zip bomb stops at the cap. The XML is read with StAX with DTDs and external entities off,
 * and a document that carries a DTD at all is refused (Word never writes one). Paragraphs are separated by
 * a blank line so that the text rules treat them like the paragraphs of a plain-text letter; table cells
 * come out cell by cell, which keeps the two header columns apart. The fallback branch of
 * {@code mc:AlternateContent} is skipped because it repeats the preferred branch's text.
 */
final class DocxText {
    private static final String MAIN_PART = "word/document.xml";
    private static final String WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String COMPAT_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";
    private static final int MAX_ENTRIES = 10_000;

    private DocxText() {}

    static boolean looksLikeZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    static String read(byte[] zip) throws DirectiveFormatException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            int entries = 0;
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (++entries > MAX_ENTRIES) {
                    throw new DirectiveFormatException("zip has more than " + MAX_ENTRIES + " entries");
                }
                if (MAIN_PART.equals(entry.getName())) {
                    return paragraphs(inflate(in));
                }
            }
        } catch (DirectiveFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new DirectiveFormatException("unreadable zip: " + e.getMessage(), e);
        }
        throw new DirectiveFormatException("zip has no " + MAIN_PART + ", so it is not a Word (DOCX) document");
    }

    private static byte[] inflate(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > DirectiveParser.MAX_DOCX_ENTRY_BYTES) {
                throw new DirectiveFormatException(MAIN_PART + " inflates to larger than the limit of "
                        + DirectiveParser.MAX_DOCX_ENTRY_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String paragraphs(byte[] xml) throws DirectiveFormatException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        StringBuilder text = new StringBuilder();
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            boolean inText = false;
            int skipDepth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new DirectiveFormatException(MAIN_PART + " declares a DTD, which Word never writes");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (skipDepth > 0 || isFallback(reader)) {
                        skipDepth++;
                        continue;
                    }
                    if (!WORD_NS.equals(reader.getNamespaceURI())) {
                        continue;
                    }
                    switch (reader.getLocalName()) {
                        case "t" -> inText = true;
                        case "tab" -> text.append('\t');
                        case "br", "cr" -> text.append('\n');
                        case "noBreakHyphen" -> text.append('-');
                        case "sym" -> text.append('•');
                        default -> {}
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (skipDepth > 0) {
                        skipDepth--;
                    } else if (WORD_NS.equals(reader.getNamespaceURI())) {
                        if ("t".equals(reader.getLocalName())) {
                            inText = false;
                        } else if ("p".equals(reader.getLocalName())) {
                            text.append("\n\n");
                        }
                    }
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                        && inText
                        && skipDepth == 0) {
                    text.append(reader.getText());
                }
            }
        } catch (XMLStreamException e) {
            throw new DirectiveFormatException(MAIN_PART + " is not well-formed XML: " + e.getMessage(), e);
        } finally {
            close(reader);
        }
        return text.toString();
    }

    private static boolean isFallback(XMLStreamReader reader) {
        return COMPAT_NS.equals(reader.getNamespaceURI()) && "Fallback".equals(reader.getLocalName());
    }

    private static void close(@Nullable XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // closing a reader over an in-memory array releases nothing that could fail meaningfully
            }
        }
    }
}
