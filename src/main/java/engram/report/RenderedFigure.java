package engram.report;

/** A figure drawn for the report: file name, caption and PNG bytes. */
public record RenderedFigure(String file, String caption, byte[] png) {
}
