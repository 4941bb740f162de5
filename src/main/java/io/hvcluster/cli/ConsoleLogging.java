package io.hvcluster.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback in code, once per invocation: a terse console on stderr whose level follows -q/-v/-vv,
 * and optionally a full DEBUG log file for the run. Done here rather than with system properties so that
 * tests can run commands in one JVM without global switches.
 */
public final class ConsoleLogging {

    private ConsoleLogging() {
    }

    public static void configure(LoggingOptions options) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ctx.reset();
        Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.DEBUG);

        LayoutWrappingEncoder<ILoggingEvent> enc = maskingEncoder(ctx, options.verbose()
                ? "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} %X{host} %X{step}: %msg%n" : "%msg%n");
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(ctx);
        console.setName("console");
        console.setTarget("System.err");
        console.setEncoder(enc);
        ch.qos.logback.classic.filter.ThresholdFilter threshold = new ch.qos.logback.classic.filter.ThresholdFilter();
        threshold.setLevel(options.quiet() ? "WARN" : options.verbose() ? "DEBUG" : "INFO");
        threshold.start();
        console.addFilter(threshold);
        ThirdPartyLogFilter thirdParty = new ThirdPartyLogFilter(options.traffic());
        thirdParty.start();
        console.addFilter(thirdParty);
        LibraryLogFilter libraries = new LibraryLogFilter(options.traffic());
        libraries.start();
        console.addFilter(libraries);
        console.start();
        root.addAppender(console);
        // -vv is the WinRM traffic: HttpClient's request and response lines and headers (Authorization masked by the
        // layout), OverThere's debug lines (its SOAP-carrying ones stay out: ThirdPartyLogFilter). Below -vv they
        // stay at INFO, and the console drops library lines anyway (LibraryLogFilter).
        ctx.getLogger("org.apache.http").setLevel(options.traffic() ? Level.DEBUG : Level.INFO);
        // Never the wire log: its bodies carry the script payload, secrets included, in base64 no masker can see.
        ctx.getLogger("org.apache.http.wire").setLevel(Level.OFF);
        // At INFO OverThere logs every command line, i.e. the 4.5 KB encoded bootstrap: only with -vv.
        ctx.getLogger("com.xebialabs.overthere").setLevel(options.traffic() ? Level.DEBUG : Level.INFO);
        ctx.getLogger("org.apache.velocity").setLevel(Level.WARN);
    }

    private static LayoutWrappingEncoder<ILoggingEvent> maskingEncoder(LoggerContext ctx, String pattern) {
        MaskingLayout layout = new MaskingLayout(pattern);
        layout.setContext(ctx);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> enc = new LayoutWrappingEncoder<>();
        enc.setContext(ctx);
        enc.setLayout(layout);
        enc.start();
        return enc;
    }

    /** Adds a full DEBUG log for one run (plan/apply); with -vv it keeps the WinRM traffic too (OverThere's harmless lines, HTTP headers masked). */
    public static void addRunLog(Path file, LoggingOptions options) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        LayoutWrappingEncoder<ILoggingEvent> enc = maskingEncoder(ctx,
                "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} %X{host} %X{step}: %msg%n");
        FileAppender<ILoggingEvent> file0 = new FileAppender<>();
        file0.setContext(ctx);
        file0.setName("run-log");
        file0.setFile(file.toString());
        file0.setEncoder(enc);
        ThirdPartyLogFilter thirdParty = new ThirdPartyLogFilter(options.traffic());
        thirdParty.start();
        file0.addFilter(thirdParty);
        file0.start();
        ctx.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(file0);
    }
}
