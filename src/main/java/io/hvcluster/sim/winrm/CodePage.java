package io.hvcluster.sim.winrm;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The console code page of a shell (WINRS_CODEPAGE). Console programs write their output in it and WinRS
 * passes the bytes on unchanged. 65001 is UTF-8. 437, the default OverThere and pywinrm ask for, is modelled as
 * ASCII with '?' for everything else, so a test sees at once when text needed 65001; other numbers use the
 * matching Java charset ("windows-1252", "IBM850", ...) with '?' for unmappable characters.
 */
final class CodePage {

    static final int DEFAULT = 437;

    private final int number;
    private final Charset charset;

    private CodePage(int number, Charset charset) {
        this.number = number;
        this.charset = charset;
    }

    static CodePage of(int number) {
        if (number == 65001) {
            return new CodePage(number, StandardCharsets.UTF_8);
        }
        if (number == 437) {
            return new CodePage(number, StandardCharsets.US_ASCII);
        }
        for (String name : new String[] {"windows-" + number, "IBM" + number, "x-IBM" + number, "cp" + number}) {
            try {
                return new CodePage(number, Charset.forName(name));
            } catch (IllegalArgumentException e) {
                // try the next spelling
            }
        }
        return new CodePage(number, StandardCharsets.US_ASCII);
    }

    byte[] encode(String text) {
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(new byte[] {'?'});
        try {
            ByteBuffer buf = encoder.encode(CharBuffer.wrap(text));
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("REPLACE actions cannot fail", e);
        }
    }
}
