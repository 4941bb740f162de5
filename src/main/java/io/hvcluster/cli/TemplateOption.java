package io.hvcluster.cli;

import io.hvcluster.render.ScriptRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** --templates DIR: an admin's adapted templates, used where present, the bundled ones elsewhere. */
public final class TemplateOption {

    @Option(names = "--templates", paramLabel = "<dir>",
            description = "Folder of adapted templates (same layout as templates/); each one found there replaces the bundled one.")
    Path templates;

    ScriptRenderer renderer() {
        if (templates == null) {
            return ScriptRenderer.bundled();
        }
        if (!Files.isDirectory(templates)) {
            throw new UserException(ExitCode.INVALID_INPUT, "--templates " + templates + ": no such folder");
        }
        return ScriptRenderer.withOverrides(templates);
    }
}
