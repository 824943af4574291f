package engram.report;

import engram.figure.Figure;
import engram.figure.HeatMap;
import engram.figure.Plot;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Draws figure data to PNG: {@link Plot} with XChart (headless), {@link HeatMap} with {@link HeatMapImage}. */
public final class FigureRenderer {

    private FigureRenderer() {
    }

    public static RenderedFigure render(Figure figure) {
        try {
            byte[] png = figure instanceof Plot p ? plot(p) : HeatMapImage.png((HeatMap) figure);
            return new RenderedFigure(figure.file(), figure.caption(), png);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw " + figure.file(), e);
        }
    }

    static byte[] plot(Plot p) throws IOException {
        XYChart c = new XYChartBuilder().width(760).height(440).title(p.title()).xAxisTitle(p.xLabel())
                .yAxisTitle(p.yLabel()).build();
        c.getStyler().setLegendVisible(true);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setXAxisLogarithmic(p.logX());
        c.getStyler().setYAxisLogarithmic(p.logY());
        for (Plot.Series s : p.series()) {
            XYSeries series = c.addSeries(s.name(), s.x(), s.y());
            if (!s.markers()) {
                series.setMarker(SeriesMarkers.NONE);
            }
            if (!s.line()) {
                series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            }
            if (s.dashed()) {
                series.setLineStyle(SeriesLines.DASH_DASH);
            }
        }
        return BitmapEncoder.getBitmapBytes(c, BitmapEncoder.BitmapFormat.PNG);
    }
}
