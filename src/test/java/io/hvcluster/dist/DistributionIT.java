package io.hvcluster.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as an admin gets it (runs in `mvn verify`, after `package` built it): unpacked into an empty
 * folder, away from the source tree and without Maven, its launcher prints the help and runs a simulated apply with
 * nothing but Java. The .cmd and .ps1 launchers cannot run here (no Windows); their content is checked instead.
 */
class DistributionIT {

    private static final Path TARGET = Path.of("target");

    @Test
    void theZipHoldsLaunchersJarExamplesSchemaAndDocs(@TempDir Path tmp) throws Exception {
        Path home = unzip(zip(), tmp);
        for (String f : List.of("bin/hvcluster", "bin/hvcluster.cmd", "bin/hvcluster.ps1", "lib/hvcluster.jar",
                "inventories/lab-2node.yaml", "inventories/lab-4node.yaml", "schema/hvcluster-inventory.schema.json",
                "docs/inventory.md", "README.md", "CHANGELOG.md", "templates/create-cluster/apply.ps1.vm")) {
            assertThat(home.resolve(f)).as(f).isRegularFile();
        }
        // Windows launchers with Windows line endings, running the jar next to them with the user's arguments.
        String cmd = Files.readString(home.resolve("bin/hvcluster.cmd"));
        assertThat(cmd).contains("\r\n", "-jar \"%HVCLUSTER_HOME%\\lib\\hvcluster.jar\" %*", "exit /b %ERRORLEVEL%");
        String ps1 = Files.readString(home.resolve("bin/hvcluster.ps1"));
        assertThat(ps1).contains("\r\n", "& $java @javaOptions -jar $jar @args", "exit $LASTEXITCODE");
        assertThat(Files.readString(home.resolve("bin/hvcluster"))).doesNotContain("\r").startsWith("#!/bin/sh");
    }

    @Test
    void theTarGzKeepsTheLauncherExecutable() throws Exception {
        Path tgz = TARGET.resolve("hvcluster-" + version() + ".tar.gz");
        assertThat(tgz).isRegularFile();
        Process tar = new ProcessBuilder("tar", "-tvzf", tgz.toString()).redirectErrorStream(true).start();
        String listing = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor()).isZero();
        assertThat(listing.lines().filter(l -> l.endsWith("/bin/hvcluster")).findFirst().orElseThrow()).startsWith("-rwxr-xr-x");
    }

    @Test
    void theUnpackedLauncherRunsHelpAndASimulatedApplyWithOnlyJava(@TempDir Path tmp) throws Exception {
        Path home = unzip(zip(), tmp.resolve("unpacked"));
        Result help = launch(home, tmp, "--help");
        assertThat(help.exit()).as(help.output()).isZero();
        assertThat(help.output()).contains("Usage: hvcluster", "apply", "init", "Examples:");

        Result version = launch(home, tmp, "version");
        assertThat(version.exit()).as(version.output()).isZero();
        assertThat(version.output()).contains("hvcluster " + version());

        Result apply = launch(home, tmp, "apply", home.resolve("inventories/lab-2node.yaml").toString(), "--simulate", "--yes",
                "--runs-dir", tmp.resolve("runs").toString(), "--simulator-state", tmp.resolve("sim").toString());
        assertThat(apply.exit()).as(apply.output()).isZero();
        assertThat(apply.output()).contains("SIMULATED", "0 failed, 0 skipped (exit 0)").doesNotContain("Exception");
    }

    /**
     * The clone's ./hvcluster rebuilds when a source is newer than the jar, never for an edited inventory. Run in a
     * copy of the layout with no Maven on the PATH: a rebuild attempt shows as "Maven (mvn) is needed", exit 4.
     */
    @Test
    void theRepositoryLauncherRebuildsForSourcesOnlyNotForInventories(@TempDir Path tmp) throws Exception {
        Path repo = tmp.resolve("clone");
        for (String dir : List.of("target", "src/main", "templates", "inventories")) {
            Files.createDirectories(repo.resolve(dir));
        }
        Files.copy(Path.of("hvcluster"), repo.resolve("hvcluster"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.writeString(repo.resolve("src/main/Source.java"), "class Source {}");
        Files.writeString(repo.resolve("templates/t.ps1.vm"), "#");
        Files.copy(TARGET.resolve("hvcluster.jar"), repo.resolve("target/hvcluster.jar"));
        java.nio.file.attribute.FileTime jarTime = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        for (String f : List.of("pom.xml", "src/main/Source.java", "templates/t.ps1.vm", "src/main", "templates")) {
            Files.setLastModifiedTime(repo.resolve(f), java.nio.file.attribute.FileTime.fromMillis(jarTime.toMillis() - 60_000));
        }
        Files.setLastModifiedTime(repo.resolve("target/hvcluster.jar"), jarTime);
        Files.writeString(repo.resolve("inventories/mine.yaml"), "cluster: {}\n"); // newer than the jar

        Result edited = launchClone(repo, "version");
        assertThat(edited.exit()).as(edited.output()).isZero();
        assertThat(edited.output()).contains("hvcluster " + version()).doesNotContain("building");

        Files.writeString(repo.resolve("src/main/Source.java"), "class Source { int changed; }");
        Result changed = launchClone(repo, "version");
        assertThat(changed.exit()).as(changed.output()).isEqualTo(4);
        assertThat(changed.output()).contains("Maven (mvn) is needed");
    }

    private static Result launchClone(Path repo, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", repo.resolve("hvcluster").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true);
        // A PATH with the launcher's tools and Java, without Maven (which lives in /usr/bin here).
        Path bin = Files.createDirectories(repo.resolveSibling("bin-without-maven"));
        for (String tool : List.of("dirname", "find", "mktemp", "cat", "rm")) {
            Path link = bin.resolve(tool);
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, Path.of("/usr/bin", tool));
            }
        }
        Path javaHome = Path.of(System.getProperty("java.home"));
        pb.environment().put("PATH", javaHome.resolve("bin") + ":" + bin);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), output);
    }

    record Result(int exit, String output) {
    }

    /** Runs bin/hvcluster with sh, with a PATH that has only the current Java and the basic tools: no Maven. */
    private static Result launch(Path home, Path workDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", home.resolve("bin/hvcluster").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Path javaHome = Path.of(System.getProperty("java.home"));
        pb.environment().put("JAVA_HOME", javaHome.toString());
        pb.environment().put("PATH", javaHome.resolve("bin") + ":/usr/bin:/bin");
        pb.environment().remove("MAVEN_HOME");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), output);
    }

    private static Path zip() throws IOException {
        Path zip = TARGET.resolve("hvcluster-" + version() + ".zip");
        assertThat(zip).as("mvn package builds it").isRegularFile();
        return zip;
    }

    /** Unpacks with java.util.zip (what any machine has), returning the archive's top folder. */
    private static Path unzip(Path zip, Path into) throws IOException {
        Files.createDirectories(into);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                Path out = into.resolve(e.getName()).normalize();
                assertThat(out.startsWith(into)).as(e.getName()).isTrue();
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out);
                }
            }
        }
        Path home = into.resolve("hvcluster-" + version());
        assertThat(home).isDirectory();
        return home;
    }

    private static String version() throws IOException {
        Properties p = new Properties();
        try (InputStream in = DistributionIT.class.getResourceAsStream("/hvcluster-version.properties")) {
            p.load(in);
        }
        return p.getProperty("hvcluster.version");
    }
}
