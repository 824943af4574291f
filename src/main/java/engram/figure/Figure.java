package engram.figure;

/**
 * What a figure shows, as data: the claim families compute it next to their claims, and the report draws it. A
 * figure has a file name (PNG in the report directory) and a caption that says what to see in it.
 */
public sealed interface Figure permits Plot, HeatMap {

    String file();

    String caption();
}
