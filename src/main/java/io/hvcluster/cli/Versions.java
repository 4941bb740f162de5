package io.hvcluster.cli;

/** The tool's version, as scripts and reports record it. */
final class Versions {

    private Versions() {
    }

    static String current() {
        try {
            String[] v = new VersionProvider().getVersion();
            return v[0].replace("hvcluster ", "");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
