package vn.khien.core.directive;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Parses a Vietnamese administrative letter (công văn) given as plain text, Markdown or DOCX into a
 * {@link ParsedDirective}; what the text does not show is reported as missing, never guessed.
 *
 * <p>The parser copes with how real texts arrive: the header lost or flattened, lines broken mid-sentence
 * with blank lines between them, Markdown bold, headings and strikethrough, CRLF line ends, decomposed
 * diacritics, stray symbols and page artifacts. All methods are stateless and thread-safe.
 */
public final class DirectiveParser {
    /** Largest input file or byte array accepted: a directive is a few pages, even as a DOCX with a logo. */
    public static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    /** Largest size {@code word/document.xml} may inflate to inside a DOCX; guards against zip bombs. */
    public static final long MAX_DOCX_ENTRY_BYTES = 20L * 1024 * 1024;

    private DirectiveParser() {}

    /** Parses the text of a letter (plain text or Markdown); never fails, at worst everything is missing. */
    public static ParsedDirective parse(String text) {
        return LetterLayout.parse(PlainText.lines(text));
    }

    /**
     * Parses a file, recognising DOCX by its content rather than its name.
     *
     * @throws DirectiveFormatException naming the file, when it is too large, binary, a PDF or legacy .doc,
     *     not UTF-8/UTF-16 text, or a broken DOCX
     * @throws IOException when the file cannot be read
     */
    public static ParsedDirective parse(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_FILE_BYTES) {
            throw new DirectiveFormatException(
                    file + ": file is " + size + " bytes, larger than the limit of " + MAX_FILE_BYTES);
        }
        try {
            return parse(Files.readAllBytes(file));
        } catch (DirectiveFormatException e) {
            throw new DirectiveFormatException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the bytes of a text (UTF-8, or UTF-16 with a byte-order mark) or DOCX file, as received by an
     * upload.
     *
     * @throws DirectiveFormatException when the content is too large, binary, unsupported or malformed
     */
    public static ParsedDirective parse(byte[] content) throws DirectiveFormatException {
        if (content.length > MAX_FILE_BYTES) {
            throw new DirectiveFormatException(
                    "content is " + content.length + " bytes, larger than the limit of " + MAX_FILE_BYTES);
        }
        if (DocxText.looksLikeZip(content)) {
            return parse(DocxText.read(content));
        }
        if (startsWith(content, '%', 'P', 'D', 'F')) {
            throw new DirectiveFormatException("PDF is not supported; save the letter as DOCX or text");
        }
        if (startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new DirectiveFormatException("legacy Word (.doc) is not supported; save the letter as DOCX");
        }
        String text = decode(content);
        if (text.indexOf('\0') >= 0) {
            throw new DirectiveFormatException("binary content, not text or DOCX");
        }
        return parse(text);
    }

    private static String decode(byte[] content) throws DirectiveFormatException {
        if (startsWith(content, 0xEF, 0xBB, 0xBF)) {
            return strict(StandardCharsets.UTF_8, content, 3);
        }
        if (startsWith(content, 0xFF, 0xFE)) {
            return strict(StandardCharsets.UTF_16LE, content, 2);
        }
        if (startsWith(content, 0xFE, 0xFF)) {
            return strict(StandardCharsets.UTF_16BE, content, 2);
        }
        return strict(StandardCharsets.UTF_8, content, 0);
    }

    private static String strict(Charset charset, byte[] content, int offset) throws DirectiveFormatException {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new DirectiveFormatException("not " + charset.name() + " text and not a DOCX file", e);
        }
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
