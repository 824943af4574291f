package engram.report;

import engram.analysis.PhaseDiagram;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Renders the phase diagram as four heat maps (activation x sign of gamma) of the largest Jacobian eigenvalue, with
 * the boundaries of the two analytic conditions drawn on them: a solid white line where the sufficient condition
 * changes, a dashed black line where the instability expression changes sign. A heat map with boundary overlays is
 * not something XChart draws, so this uses Java2D directly.
 */
public final class PhaseDiagramImage {

    private PhaseDiagramImage() {
    }

    /** Diverging colour: blue for negative (stable), red for positive (unstable), white at 0; saturates at |v| = 1. */
    static Color colour(double v) {
        double t = Math.max(-1, Math.min(1, v));
        if (t < 0) {
            float s = (float) -t;
            return new Color(1 - 0.8f * s, 1 - 0.6f * s, 1f);
        }
        float s = (float) t;
        return new Color(1f, 1 - 0.75f * s, 1 - 0.8f * s);
    }

    public static byte[] png(List<PhaseDiagram.Cell> cells, double[] rhos, double[] thresholds) throws IOException {
        int panel = 300, margin = 60, gap = 40;
        int width = margin + 2 * panel + gap + 30, height = 40 + 2 * (panel + gap + 30);
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString("Largest Jacobian eigenvalue at the rescaled memories (blue stable, red unstable)", 10, 20);
        int nr = rhos.length, nt = thresholds.length;
        int cw = panel / nt, ch = panel / nr;
        int row = 0;
        for (double[] ab : PhaseDiagram.FIELDS) {
            int col = 0;
            for (String act : PhaseDiagram.ACTIVATIONS) {
                int x0 = margin + col * (panel + gap), y0 = 50 + row * (panel + gap + 30);
                PhaseDiagram.Cell[][] grid = new PhaseDiagram.Cell[nr][nt];
                for (PhaseDiagram.Cell c : cells) {
                    if (c.activation().equals(act) && c.a() == ab[0]) {
                        grid[index(rhos, c.rho())][index(thresholds, c.threshold())] = c;
                    }
                }
                for (int i = 0; i < nr; i++) {
                    for (int j = 0; j < nt; j++) {
                        g.setColor(colour(grid[i][j].maxEigenvalue()));
                        g.fillRect(x0 + j * cw, y0 + (nr - 1 - i) * ch, cw, ch);
                    }
                }
                drawBoundary(g, grid, x0, y0, cw, ch, true);
                drawBoundary(g, grid, x0, y0, cw, ch, false);
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(1));
                g.drawRect(x0, y0, nt * cw, nr * ch);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
                g.drawString(String.format(Locale.ROOT, "%s, a=%.1f b=%.2f (gamma %s 0)", act, ab[0], ab[1],
                        ab[0] < 0 ? "<" : ">"), x0, y0 - 6);
                g.drawString("threshold I*: 0 .. 0.9", x0 + 60, y0 + nr * ch + 16);
                if (col == 0) {
                    g.drawString("rho", x0 - 45, y0 + nr * ch / 2);
                }
                g.drawString(String.format(Locale.ROOT, "%.1f", rhos[nr - 1]), x0 - 30, y0 + 10);
                g.drawString(String.format(Locale.ROOT, "%.1f", rhos[0]), x0 - 30, y0 + nr * ch);
                col++;
            }
            row++;
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.BLACK);
        g.drawString("white line: edge of eta*max(alpha,gamma) < 1 (sufficient);  dashed: instability expression = 0",
                10, height - 8);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static int index(double[] grid, double v) {
        for (int k = 0; k < grid.length; k++) {
            if (grid[k] == v) {
                return k;
            }
        }
        throw new IllegalStateException("value off the grid: " + v);
    }

    private static boolean flag(PhaseDiagram.Cell c, boolean sufficient) {
        return sufficient ? c.sufficient() : c.instability() > 0;
    }

    /** Draws the cell edges across which the condition flips. */
    private static void drawBoundary(Graphics2D g, PhaseDiagram.Cell[][] grid, int x0, int y0, int cw, int ch,
            boolean sufficient) {
        g.setColor(sufficient ? Color.WHITE : Color.BLACK);
        g.setStroke(sufficient ? new BasicStroke(3) : new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                10, new float[] {5, 4}, 0));
        int nr = grid.length, nt = grid[0].length;
        for (int i = 0; i < nr; i++) {
            for (int j = 0; j < nt; j++) {
                int px = x0 + j * cw, py = y0 + (nr - 1 - i) * ch;
                if (j + 1 < nt && flag(grid[i][j], sufficient) != flag(grid[i][j + 1], sufficient)) {
                    g.drawLine(px + cw, py, px + cw, py + ch);
                }
                if (i + 1 < nr && flag(grid[i][j], sufficient) != flag(grid[i + 1][j], sufficient)) {
                    g.drawLine(px, py, px + cw, py);
                }
            }
        }
    }
}
