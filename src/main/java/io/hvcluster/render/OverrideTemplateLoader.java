package io.hvcluster.render;

import java.io.Reader;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.runtime.resource.loader.FileResourceLoader;

/** Loads an admin's adapted templates from the --templates folder, with Windows line endings. */
public final class OverrideTemplateLoader extends FileResourceLoader {

    @Override
    public Reader getResourceReader(String name, String encoding) throws ResourceNotFoundException {
        return CrlfTemplates.toCrlf(super.getResourceReader(name, encoding));
    }
}
