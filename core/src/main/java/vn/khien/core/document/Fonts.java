package vn.khien.core.document;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The serif font shipped with Khiên: Liberation Serif 2.1.5, metric-compatible with Times New Roman (SIL OFL). */
final class Fonts {
    /** The family name Word documents ask for; Word or LibreOffice substitute a metric-compatible font if absent. */
    static final String DOCX_FAMILY = "Times New Roman";

    /** The family name of the embedded font in PDFs and charts. */
    static final String PDF_FAMILY = "Liberation Serif";

    enum Face {
        REGULAR("LiberationSerif-Regular.ttf", 400, false),
        BOLD("LiberationSerif-Bold.ttf", 700, false),
        ITALIC("LiberationSerif-Italic.ttf", 400, true),
        BOLD_ITALIC("LiberationSerif-BoldItalic.ttf", 700, true);

        final String file;
        final int weight;
        final boolean italic;

        Face(String file, int weight, boolean italic) {
            this.file = file;
            this.weight = weight;
            this.italic = italic;
        }

        InputStream open() {
            InputStream in = Fonts.class.getResourceAsStream("fonts/" + file);
            if (in == null) {
                throw new IllegalStateException("font resource missing: fonts/" + file);
            }
            return in;
        }
    }

    private static volatile Font regular;
    private static volatile Font bold;

    private Fonts() {}

    /** The AWT font of {@code face} (regular or bold) at {@code size} points, for charts. */
    static Font awt(boolean isBold, float size) {
        Font base = isBold ? bold : regular;
        if (base == null) {
            synchronized (Fonts.class) {
                base = isBold ? bold : regular;
                if (base == null) {
                    base = load(isBold ? Face.BOLD : Face.REGULAR);
                    if (isBold) {
                        bold = base;
                    } else {
                        regular = base;
                    }
                }
            }
        }
        return base.deriveFont(size);
    }

    private static Font load(Face face) {
        try (InputStream in = face.open()) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bad font resource " + face.file, e);
        }
    }
}
