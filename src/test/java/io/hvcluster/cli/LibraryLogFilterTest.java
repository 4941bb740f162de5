package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class LibraryLogFilterTest {

    private final LoggerContext ctx = new LoggerContext();

    private LoggingEvent event(String logger, Level level, String message) {
        return new LoggingEvent(Logger.class.getName(), ctx.getLogger(logger), level, message, null, null);
    }

    @Test
    void httpClientsRetryLinesNeverReachTheConsoleWithoutVerbose() {
        LibraryLogFilter console = new LibraryLogFilter(false);
        assertThat(console.decide(event("org.apache.http.impl.execchain.RetryExec", Level.INFO,
                "I/O exception (java.net.SocketException) caught when processing request to {}->http://127.0.0.1:5985: Connection reset")))
                .isEqualTo(FilterReply.DENY);
        assertThat(console.decide(event("org.apache.http.impl.execchain.RetryExec", Level.INFO, "Retrying request to {}->http://127.0.0.1:5985")))
                .isEqualTo(FilterReply.DENY);
        assertThat(console.decide(event("org.apache.velocity", Level.WARN, "deprecated"))).isEqualTo(FilterReply.DENY);
    }

    @Test
    void hvclustersOwnLinesPassAndVerboseShowsEverything() {
        assertThat(new LibraryLogFilter(false).decide(event("io.hvcluster.run.RebootWait", Level.INFO, "HV02 is back")))
                .isEqualTo(FilterReply.NEUTRAL);
        assertThat(new LibraryLogFilter(true).decide(event("org.apache.http.impl.execchain.RetryExec", Level.INFO, "Retrying request")))
                .isEqualTo(FilterReply.NEUTRAL);
    }
}
