package vn.khien.core.document;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws a {@link Block.BarChart} as a PNG with Java2D (headless) in the shipped serif font: horizontal bars, one row
 * per category (so long unit names stay readable), one bar per series, value printed at the bar's end.
 *
 * <p>The image is drawn at {@link #SCALE} pixels per point so it prints sharply at its width of {@link #WIDTH_PT}
 * points (16 cm).
 */
public final class ChartImage {
    /** Width of the chart on the page, in points (16 cm). */
    public static final int WIDTH_PT = 454;

    static final int SCALE = 3;
    private static final Color[] PALETTE = {
        new Color(0x1f4e79), new Color(0xc55a11), new Color(0x548235), new Color(0x7f6000), new Color(0x7030a0)
    };

    /** A rendered chart: PNG bytes and its size on the page in points. */
    public record Png(byte[] bytes, int widthPt, int heightPt) {}

    private ChartImage() {}

    public static Png render(Block.BarChart chart) {
        System.setProperty("java.awt.headless", "true");
        int series = Math.max(1, chart.series().size());
        int rowPt = 6 + 12 * series;
        int legendPt = chart.series().size() > 1 ? 18 : 0;
        int heightPt = 16 + legendPt + Math.max(1, chart.categories().size()) * rowPt + 18;
        int w = WIDTH_PT * SCALE;
        int h = heightPt * SCALE;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(SCALE, SCALE);
            draw(g, chart, heightPt, rowPt, legendPt);
        } finally {
            g.dispose();
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return new Png(out.toByteArray(), WIDTH_PT, heightPt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void draw(Graphics2D g, Block.BarChart chart, int heightPt, int rowPt, int legendPt) {
        Font label = Fonts.awt(false, 9f);
        g.setFont(label);
        FontMetrics fm = g.getFontMetrics();
        int labelW = 0;
        for (String c : chart.categories()) {
            labelW = Math.max(labelW, fm.stringWidth(c));
        }
        labelW = Math.min(labelW, WIDTH_PT * 2 / 5);
        int left = labelW + 8;
        int right = WIDTH_PT - 36;
        int top = 8 + legendPt;
        int bottom = heightPt - 18;
        double max = 0;
        for (List<Double> values : chart.series().values()) {
            for (double v : values) {
                max = Math.max(max, v);
            }
        }
        max = niceMax(max);
        // grid and axis labels
        g.setStroke(new BasicStroke(0.4f));
        for (int i = 0; i <= 5; i++) {
            double v = max * i / 5;
            int x = left + (int) Math.round((right - left) * (v / max));
            g.setColor(new Color(0xd0d0d0));
            g.drawLine(x, top, x, bottom);
            g.setColor(Color.DARK_GRAY);
            String s = format(v);
            g.drawString(s, x - fm.stringWidth(s) / 2, bottom + 12);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(0.8f));
        g.drawLine(left, top, left, bottom);
        List<Map.Entry<String, List<Double>>> series =
                new ArrayList<>(chart.series().entrySet());
        if (legendPt > 0) {
            int x = left;
            for (int s = 0; s < series.size(); s++) {
                g.setColor(PALETTE[s % PALETTE.length]);
                g.fillRect(x, 4, 9, 9);
                g.setColor(Color.BLACK);
                g.drawString(series.get(s).getKey(), x + 12, 12);
                x += 24 + fm.stringWidth(series.get(s).getKey());
            }
        }
        for (int c = 0; c < chart.categories().size(); c++) {
            int rowTop = top + c * rowPt;
            g.setColor(Color.BLACK);
            String name = clip(chart.categories().get(c), fm, labelW);
            int centre = rowTop + rowPt / 2;
            g.drawString(name, left - 4 - fm.stringWidth(name), centre + fm.getAscent() / 2 - 1);
            for (int s = 0; s < series.size(); s++) {
                double v = series.get(s).getValue().get(c);
                int y = rowTop + 3 + s * 12;
                int len = (int) Math.round((right - left) * (v / max));
                g.setColor(PALETTE[s % PALETTE.length]);
                g.fillRect(left + 1, y, Math.max(len, 1), 10);
                g.setColor(Color.BLACK);
                g.drawString(format(v), left + len + 3, y + 8);
            }
        }
    }

    private static double niceMax(double max) {
        if (max <= 0) {
            return 1;
        }
        double step = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * step >= max) {
                return m * step;
            }
        }
        return 10 * step;
    }

    private static String clip(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    static String format(double v) {
        return v == Math.rint(v)
                ? String.valueOf((long) v)
                : String.format(java.util.Locale.ROOT, "%.1f", v).replace('.', ',');
    }
}
