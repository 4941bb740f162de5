package io.hvcluster.sim.winrm;

/**
 * PowerShell's serialisation of an error record on a redirected stderr, as {@code powershell.exe
 * -EncodedCommand} writes it when a script fails ({@code pywinrm/get_ps_output_response.xml}): a
 * {@code #< CLIXML} line, then one {@code <S S="Error">} element per line with CRLF written as
 * {@code _x000D__x000A_}.
 */
public final class Clixml {

    static final String HEADER = "#< CLIXML\r\n";

    private Clixml() {
    }

    public static String errorRecord(String message) {
        StringBuilder sb = new StringBuilder(HEADER);
        sb.append("<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">");
        for (String line : message.split("\r?\n", -1)) {
            sb.append("<S S=\"Error\">").append(encode(line)).append("_x000D__x000A_</S>");
        }
        return sb.append("</Objs>").toString();
    }

    /** XML escaping plus PowerShell's {@code _xHHHH_} escape for control characters and for a literal "_x". */
    private static String encode(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '_' -> sb.append(i + 1 < text.length() && text.charAt(i + 1) == 'x' ? "_x005F_" : "_");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("_x%04X_", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
