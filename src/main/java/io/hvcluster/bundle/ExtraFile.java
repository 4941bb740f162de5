package io.hvcluster.bundle;

/**
 * A file of a bundle beside the build's step scripts (verify's probe and the burn-in scripts).
 *
 * @param path the path inside the bundle, with forward slashes ("burn-in/03-migrate-...ps1")
 * @param text its content (a .ps1 is written as PowerShell scripts are: UTF-8 with BOM, CRLF)
 */
public record ExtraFile(String path, String text) {
}
