package io.hvcluster.render;

/** A template could not be rendered: a missing template, a typo in a reference, a value with no literal form. */
public class TemplateRenderException extends RuntimeException {

    public TemplateRenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
