package io.hvcluster.render;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * Gives Windows line endings to template text as it is loaded, before Velocity inserts any value: converting the
 * rendered output instead would also rewrite a lone LF inside an inventory value, changing the value.
 */
final class CrlfTemplates {

    private CrlfTemplates() {
    }

    static Reader toCrlf(Reader template) {
        try (Reader in = template) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                sb.append(buf, 0, n);
            }
            return new StringReader(sb.toString().replace("\r\n", "\n").replace("\n", "\r\n"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a template", e);
        }
    }
}
