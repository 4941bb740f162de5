package io.hvcluster.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** hvcluster in a JVM of its own, on the test class path: for what only a real process shows (kill -9, env). */
public final class HvclusterProcess {

    private HvclusterProcess() {
    }

    /** Starts {@code hvcluster args}, stdout and stderr into {@code log}, with extra environment variables. */
    public static Process start(Path log, Map<String, String> env, String... args) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", classPath, "io.hvcluster.cli.Main"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("HVCLUSTER_PASSWORD");
        pb.environment().putAll(env);
        return pb.start();
    }
}
