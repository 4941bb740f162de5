package io.hvcluster.render;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;

/**
 * Renders step templates with one Velocity engine in strict mode (an undefined reference or method fails
 * the render). Templates come from the jar, or first from an admin's override folder, template by template.
 *
 * <p>Templates see exactly three names: {@code $step} (the step's parameter record), {@code $ps} (the
 * literal maker) and {@code $header}. PowerShell's own {@code $variables} live inside unparsed
 * {@code #[[ ... ]]#} blocks, so Velocity never mistakes them for references.
 */
public final class ScriptRenderer {

    private final VelocityEngine engine;
    private final PsTool ps = new PsTool();
    private final Optional<Path> overrides;

    private ScriptRenderer(Optional<Path> overrides) {
        this.overrides = overrides;
        Properties p = new Properties();
        p.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        p.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        p.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
        if (overrides.isPresent()) {
            p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "file,bundled");
            p.setProperty("resource.loader.file.class", OverrideTemplateLoader.class.getName());
            p.setProperty("resource.loader.file.path", overrides.get().toAbsolutePath().toString());
            p.setProperty("resource.loader.file.cache", "false");
        } else {
            p.setProperty(RuntimeConstants.RESOURCE_LOADERS, "bundled");
        }
        p.setProperty("resource.loader.bundled.class", BundledTemplateLoader.class.getName());
        p.setProperty("resource.loader.bundled.cache", "true");
        engine = new VelocityEngine(p);
        engine.init();
    }

    /** Templates from the jar. */
    public static ScriptRenderer bundled() {
        return new ScriptRenderer(Optional.empty());
    }

    /** Templates from {@code dir} where present there, else from the jar. */
    public static ScriptRenderer withOverrides(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("template folder " + dir + " does not exist");
        }
        return new ScriptRenderer(Optional.of(dir));
    }

    public Optional<Path> overrides() {
        return overrides;
    }

    /**
     * @param template the template name, e.g. "rename-adapters/apply.ps1.vm"
     * @param header   the script's header
     * @param step     the parameter record the template renders
     */
    public String render(String template, ScriptHeader header, Object step) {
        VelocityContext ctx = new VelocityContext();
        ctx.put("step", step);
        ctx.put("ps", ps);
        ctx.put("header", header);
        StringWriter out = new StringWriter();
        try {
            Template t = engine.getTemplate(template, "UTF-8");
            t.merge(ctx, out);
        } catch (VelocityException e) {
            throw new TemplateRenderException("cannot render template " + template + ": " + e.getMessage(), e);
        }
        return out.toString();
    }
}
