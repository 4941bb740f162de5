package io.hvcluster.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Keeps OverThere's own log events away from the console and the run log unless they are harmless. OverThere
 * puts the whole SOAP request into its exception messages, and for a stdin Send that request carries the
 * script payload with the secrets (base64-encoded, so no masker can see them). hvcluster's executor reports
 * every transport failure itself, in one sanitized line; OverThere's events add nothing but risk.
 */
final class ThirdPartyLogFilter extends Filter<ILoggingEvent> {

    private static final String OVERTHERE = "com.xebialabs.overthere";

    private final boolean verbose;

    ThirdPartyLogFilter(boolean verbose) {
        this.verbose = verbose;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        if (!event.getLoggerName().startsWith(OVERTHERE)) {
            return FilterReply.NEUTRAL;
        }
        if (!verbose || event.getThrowableProxy() != null || carriesSoap(event.getFormattedMessage())) {
            return FilterReply.DENY;
        }
        return FilterReply.NEUTRAL;
    }

    private static boolean carriesSoap(String message) {
        return message != null && (message.contains("Envelope") || message.contains("rsp:Stream"));
    }
}
