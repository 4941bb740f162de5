package io.hvcluster.render;

import java.io.Reader;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

/**
 * Loads the templates packaged in the jar under {@code templates/}, so template names are the same whether
 * they come from the jar or from an admin's {@code --templates DIR}; with Windows line endings.
 */
public final class BundledTemplateLoader extends ClasspathResourceLoader {

    static final String ROOT = "templates/";

    @Override
    public Reader getResourceReader(String name, String encoding) throws ResourceNotFoundException {
        return CrlfTemplates.toCrlf(super.getResourceReader(ROOT + name, encoding));
    }
}
