package io.hvcluster.cli;

import io.hvcluster.bundle.BundleRenderer;
import io.hvcluster.bundle.BundleWriter;
import io.hvcluster.bundle.RenderedScript;
import io.hvcluster.bundle.RunbookWriter;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.pipeline.Pipeline;
import io.hvcluster.render.TemplateRenderException;
import io.hvcluster.steps.StandardPipeline;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hvcluster render INVENTORY --out DIR}: the whole build as scripts and a runbook, without connecting anywhere. */
@Command(name = "render", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = {"Writes the build's scripts and RUNBOOK.md for review or hand runs, connecting to nothing.",
            "One folder per host, scripts numbered in execution order. The scripts check state before changing it, so they are safe to run by hand and to re-run."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  hvcluster render my-cluster.yaml --out bundle",
            "  hvcluster render my-cluster.yaml --out bundle --templates my-templates"})
final class RenderCommand implements Callable<Integer> {

    @Mixin
    LoggingOptions logging;
    @Mixin
    InventoryArgument inventory;
    @Mixin
    TemplateOption templates;
    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "<dir>",
            description = "Folder for the bundle: new, empty, or an earlier bundle (replaced as a whole).")
    Path out;

    @Override
    public Integer call() {
        ConsoleLogging.configure(logging);
        Inventory inv = inventory.load(spec.commandLine().getErr());
        String version = Versions.current();
        Pipeline pipeline = StandardPipeline.create();
        try {
            List<RenderedScript> scripts = new BundleRenderer(templates.renderer(), version).render(inv, pipeline);
            io.hvcluster.verify.VerifyBundle verify = new io.hvcluster.verify.VerifyBundle(templates.renderer(), version);
            List<io.hvcluster.bundle.ExtraFile> extras = verify.render(inv);
            String runbook = new RunbookWriter().write(inv, pipeline, scripts, version) + verify.runbookSection(inv, extras);
            new BundleWriter().write(out, scripts, extras, runbook);
            spec.commandLine().getOut().println("wrote " + scripts.size() + " scripts for " + inv.hosts().size() + " hosts and "
                    + extras.size() + " verify and burn-in scripts to "
                    + out + " (start with " + out.resolve("RUNBOOK.md") + ")");
            return ExitCode.OK.code();
        } catch (TemplateRenderException | BundleWriter.BundleException | UncheckedIOException e) {
            throw new UserException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        }
    }
}
