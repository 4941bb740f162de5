package io.hvcluster.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps libraries' log lines off the console: Apache HttpClient logs "I/O exception (...) caught when processing
 * request ... Retrying request" at INFO every time a restarting host drops a connection, which is expected and
 * handled. The console is for hvcluster's own lines; the run log keeps everything, and -v shows it all.
 */
final class LibraryLogFilter extends Filter<ILoggingEvent> {

    private static final String OWN = "io.hvcluster.";

    private final boolean verbose;

    LibraryLogFilter(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return verbose || event.getLoggerName().startsWith(OWN) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
