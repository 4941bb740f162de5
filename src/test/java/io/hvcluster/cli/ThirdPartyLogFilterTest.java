package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class ThirdPartyLogFilterTest {

    private final LoggerContext ctx = new LoggerContext();

    private LoggingEvent event(String logger, String message, Throwable t) {
        Logger l = ctx.getLogger(logger);
        return new LoggingEvent(Logger.class.getName(), l, Level.WARN, message, t, null);
    }

    @Test
    void overthereEventsNeverReachTheLogsWithoutVerbose() {
        assertThat(new ThirdPartyLogFilter(false).decide(event("com.xebialabs.overthere.winrm.WinRmClient", "Starting command", null)))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void withVerboseOnlyHarmlessLinesPass() {
        ThirdPartyLogFilter f = new ThirdPartyLogFilter(true);
        assertThat(f.decide(event("com.xebialabs.overthere.winrm.WinRmClient", "Sending WinRM Receive request", null))).isEqualTo(FilterReply.NEUTRAL);
        assertThat(f.decide(event("com.xebialabs.overthere.winrm.WinRmClient", "Failure while deleting winrm shell",
                new RuntimeException("Request:\n<env:Envelope>...payload...</env:Envelope>")))).isEqualTo(FilterReply.DENY);
        assertThat(f.decide(event("com.xebialabs.overthere.winrm.WinRmClient", "<env:Envelope><rsp:Stream>c2VjcmV0</rsp:Stream>", null)))
                .isEqualTo(FilterReply.DENY);
    }

    @Test
    void ourOwnEventsAreNotItsBusiness() {
        assertThat(new ThirdPartyLogFilter(false).decide(event("io.hvcluster.run.HostStepRun", "anything", new RuntimeException("x"))))
                .isEqualTo(FilterReply.NEUTRAL);
    }
}
