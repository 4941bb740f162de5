package io.hvcluster.cli;

import io.hvcluster.render.ScriptRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * --templates DIR: an admin's adapted templates, used where present, the bundled ones elsewhere. Every file in the
 * folder must replace a bundled template: a misspelt name would otherwise be ignored without a word and the bundled
 * script would run instead of the adapted one. The run says which templates it took from the folder.
 */
public final class TemplateOption {

    @Option(names = "--templates", paramLabel = "<dir>",
            description = "Folder of adapted templates, laid out like templates/ (for example DIR/create-cluster/apply.ps1.vm). "
                    + "Each file there replaces the bundled template of the same path; a file that matches none is an error.")
    Path templates;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    ScriptRenderer renderer() {
        if (templates == null) {
            return ScriptRenderer.bundled();
        }
        List<String> overridden = overriddenTemplates(templates);
        if (!quiet() && mixee != null) {
            PrintWriter err = mixee.commandLine().getErr();
            err.println("templates: " + overridden.size() + " of yours from " + templates + " replace the bundled ones: "
                    + String.join(", ", overridden));
            err.flush();
        }
        return ScriptRenderer.withOverrides(templates);
    }

    /** The bundled templates the folder replaces (paths relative to it, with /); any other file is an error. */
    static List<String> overriddenTemplates(Path dir) {
        if (Files.isRegularFile(dir)) {
            throw new UserException(ExitCode.INVALID_INPUT, "--templates " + dir + ": is a file; name the folder that holds it, "
                    + "laid out like templates/ (for example DIR/create-cluster/apply.ps1.vm)");
        }
        if (!Files.isDirectory(dir)) {
            throw new UserException(ExitCode.INVALID_INPUT, "--templates " + dir + ": no such folder");
        }
        List<String> matched = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                Path rel = dir.relativize(f);
                if (hidden(rel)) {
                    continue; // .git, .DS_Store: a folder under version control is still a template folder
                }
                String name = rel.toString().replace('\\', '/');
                (bundled(name) ? matched : unmatched).add(name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!unmatched.isEmpty()) {
            throw new UserException(ExitCode.INVALID_INPUT, "--templates " + dir + ": " + String.join(", ", unmatched)
                    + (unmatched.size() == 1 ? " matches" : " match") + " no bundled template (the names are those under "
                    + "templates/, for example create-cluster/apply.ps1.vm)");
        }
        if (matched.isEmpty()) {
            throw new UserException(ExitCode.INVALID_INPUT, "--templates " + dir + ": holds no template (expected files laid out "
                    + "like templates/, for example create-cluster/apply.ps1.vm)");
        }
        return matched;
    }

    private static boolean bundled(String name) {
        return TemplateOption.class.getClassLoader().getResource("templates/" + name) != null;
    }

    private static boolean hidden(Path rel) {
        for (Path part : rel) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private boolean quiet() {
        if (mixee == null) {
            return false;
        }
        for (var mixin : mixee.mixins().values()) {
            if (mixin.userObject() instanceof LoggingOptions l) {
                return l.quiet();
            }
        }
        return false;
    }
}
