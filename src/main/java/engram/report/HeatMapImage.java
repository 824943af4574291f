package engram.report;

import engram.figure.HeatMap;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws a {@link HeatMap}: panels two to a row, each cell coloured on a diverging scale, with the edges of the
 * regions drawn over it (a solid white or dashed black line where a region's flag flips between neighbouring cells).
 * A heat map with region overlays is not something XChart draws, so this uses Java2D directly.
 */
public final class HeatMapImage {

    private static final int COLUMNS = 2;

    private HeatMapImage() {
    }

    /** Diverging colour: blue for negative, red for positive, white at 0; saturates at |v| = 1. */
    static Color colour(double v) {
        double t = Math.max(-1, Math.min(1, v));
        if (t < 0) {
            float s = (float) -t;
            return new Color(1 - 0.8f * s, 1 - 0.6f * s, 1f);
        }
        float s = (float) t;
        return new Color(1f, 1 - 0.75f * s, 1 - 0.8f * s);
    }

    public static byte[] png(HeatMap map) throws IOException {
        int panel = 300, margin = 60, gap = 40;
        int rows = (map.panels().size() + COLUMNS - 1) / COLUMNS;
        int width = margin + COLUMNS * panel + (COLUMNS - 1) * gap + 30, height = 40 + rows * (panel + gap + 30);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(map.title(), 10, 20);
        for (int k = 0; k < map.panels().size(); k++) {
            HeatMap.Panel p = map.panels().get(k);
            int col = k % COLUMNS, row = k / COLUMNS;
            int x0 = margin + col * (panel + gap), y0 = 50 + row * (panel + gap + 30);
            int ny = p.y().length, nx = p.x().length;
            int cw = panel / nx, ch = panel / ny;
            for (int i = 0; i < ny; i++) {
                for (int j = 0; j < nx; j++) {
                    g.setColor(colour(p.z()[i][j] / map.saturation()));
                    g.fillRect(x0 + j * cw, y0 + (ny - 1 - i) * ch, cw, ch);
                }
            }
            for (HeatMap.Region r : p.regions()) {
                drawEdge(g, r, x0, y0, cw, ch);
            }
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(1));
            g.drawRect(x0, y0, nx * cw, ny * ch);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(p.title(), x0, y0 - 6);
            g.drawString(p.xLabel() + ": " + tick(p.x()[0]) + " .. " + tick(p.x()[nx - 1]), x0 + 60, y0 + ny * ch + 16);
            if (col == 0) {
                g.drawString(p.yLabel(), x0 - 45, y0 + ny * ch / 2);
            }
            g.drawString(tick(p.y()[ny - 1]), x0 - 30, y0 + 10);
            g.drawString(tick(p.y()[0]), x0 - 30, y0 + ny * ch);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.BLACK);
        g.drawString(map.legend(), 10, height - 8);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** An axis end: three significant digits without trailing zeros. */
    static String tick(double v) {
        String s = String.format(Locale.ROOT, "%.3g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("\\.?0+$", "") : s;
    }

    /** Draws the cell edges across which the region's flag flips. */
    private static void drawEdge(Graphics2D g, HeatMap.Region region, int x0, int y0, int cw, int ch) {
        boolean solid = region.edge() == HeatMap.Edge.SOLID_WHITE;
        g.setColor(solid ? Color.WHITE : Color.BLACK);
        g.setStroke(solid ? new BasicStroke(3) : new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10,
                new float[] {5, 4}, 0));
        boolean[][] in = region.inside();
        int ny = in.length, nx = in[0].length;
        for (int i = 0; i < ny; i++) {
            for (int j = 0; j < nx; j++) {
                int px = x0 + j * cw, py = y0 + (ny - 1 - i) * ch;
                if (j + 1 < nx && in[i][j] != in[i][j + 1]) {
                    g.drawLine(px + cw, py, px + cw, py + ch);
                }
                if (i + 1 < ny && in[i][j] != in[i + 1][j]) {
                    g.drawLine(px, py, px + cw, py);
                }
            }
        }
    }
}
