package io.hvcluster.sim.winrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClixmlTest {

    @Test
    void errorRecordIsByteForByteWhatPowerShellWrote() {
        // pywinrm/get_ps_output_response.xml: Write-Error "Error" run with -EncodedCommand on Windows.
        String windows = new String(XmlShape.stream(WsmanTestClient.fixture("pywinrm/get_ps_output_response.xml"),
                "stderr"), StandardCharsets.UTF_8);
        String message = String.join("\r\n", "Write-Error \"Error\" : Error",
                "    + CategoryInfo          : NotSpecified: (:) [Write-Error], WriteErrorExcep ", "   tion",
                "    + FullyQualifiedErrorId : Microsoft.PowerShell.Commands.WriteErrorExceptio ", "   n", " ");

        assertThat(Clixml.errorRecord(message)).isEqualTo(windows);
    }

    @Test
    void markupInMessagesIsEscaped() {
        assertThat(Clixml.errorRecord("a <b> & c")).contains("<S S=\"Error\">a &lt;b&gt; &amp; c_x000D__x000A_</S>");
    }
}
