package io.hvcluster.exec.winrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ClixmlTextTest {

    /** The stderr of pywinrm's "Write-Error" capture: the base64 stderr chunks of the Receive response, joined. */
    private static String capturedStderr() throws IOException {
        String xml;
        try (InputStream in = ClixmlTextTest.class.getResourceAsStream("get_ps_output_response.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("<rsp:Stream[^>]*Name=\"stderr\"[^>]*>([^<]+)</rsp:Stream>").matcher(xml);
        StringBuilder stderr = new StringBuilder();
        while (m.find()) {
            stderr.append(new String(Base64.getDecoder().decode(m.group(1)), StandardCharsets.UTF_8));
        }
        return stderr.toString();
    }

    @Test
    void decodesTheCapturedWriteError() throws IOException {
        String raw = capturedStderr();
        assertThat(raw).startsWith("#< CLIXML\r\n<Objs");

        assertThat(ClixmlText.readable(raw)).isEqualTo(String.join("\n",
                "Write-Error \"Error\" : Error",
                "    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorExcep",
                "   tion",
                "    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorExceptio",
                "   n",
                ""));
    }

    @Test
    void plainTextIsLeftAlone() {
        assertThat(ClixmlText.readable("plain failure\r\nsecond line\n")).isEqualTo("plain failure\r\nsecond line\n");
    }

    @Test
    void progressAndInformationRecordsAreDropped() {
        String raw = "#< CLIXML\r\n<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"
                + "<Obj S=\"progress\" RefId=\"0\"><TN RefId=\"0\"><T>System.Management.Automation.PSCustomObject</T></TN>"
                + "<MS><I64 N=\"SourceId\">1</I64><PR N=\"Record\"><AV>Preparing modules for first use.</AV><AI>0</AI>"
                + "<S N=\"StatusDescription\">busy</S></PR></MS></Obj>"
                + "<Obj S=\"information\" RefId=\"1\"><MS><S N=\"MessageData\">hello host</S></MS></Obj></Objs>";

        assertThat(ClixmlText.readable(raw)).isEmpty();
    }

    @Test
    void severalDocumentsAndWarningsAndEscapes() {
        String ns = "xmlns=\"http://schemas.microsoft.com/powershell/2004/04\"";
        String raw = "text before\r\n#< CLIXML\r\n"
                + "<Objs Version=\"1.1.0.1\" " + ns + "><S S=\"Error\">first_x000D__x000A_</S></Objs>\r\n"
                + "<Objs Version=\"1.1.0.1\" " + ns + "><S S=\"warning\">low disk</S><S S=\"Error\">tab_x0009_and _x00E9_ &amp; &lt;x&gt;_x000A_</S></Objs>";

        assertThat(ClixmlText.readable(raw)).isEqualTo("text before\r\nfirst\nWARNING: low disk\ntab\tand \u00e9 & <x>\n");
    }

    @Test
    void brokenXmlIsKeptRawRatherThanLost() {
        String raw = "#< CLIXML\r\n<Objs Version=\"1.1.0.1\"><S S=\"Error\">unclosed</Objs>";

        assertThat(ClixmlText.readable(raw)).contains("unclosed");
    }

    @Test
    void liveLinesHideTheMarkerAndDecodeDocuments() {
        assertThat(ClixmlText.lineText("#< CLIXML")).isEmpty();
        assertThat(ClixmlText.lineText("<Objs Version=\"1.1.0.1\" xmlns=\"http://schemas.microsoft.com/powershell/2004/04\">"
                + "<S S=\"Error\">boom_x000D__x000A_</S></Objs>")).isEqualTo("boom");
        assertThat(ClixmlText.lineText("ordinary")).isEqualTo("ordinary");
    }
}
