package io.hvcluster.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven filtered into the jar. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/hvcluster-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"hvcluster " + p.getProperty("hvcluster.version", "unknown"),
            "Java " + System.getProperty("java.version")};
    }
}
