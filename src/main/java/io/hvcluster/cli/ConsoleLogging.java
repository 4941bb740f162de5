package io.hvcluster.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback in code, once per invocation: a terse console on stderr whose level follows -v/-q,
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

        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern(options.verbose() ? "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} %X{host} %X{step}: %msg%n"
                : "%msg%n");
        enc.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(ctx);
        console.setName("console");
        console.setTarget("System.err");
        console.setEncoder(enc);
        ch.qos.logback.classic.filter.ThresholdFilter threshold = new ch.qos.logback.classic.filter.ThresholdFilter();
        threshold.setLevel(options.quiet() ? "WARN" : options.verbose() ? "DEBUG" : "INFO");
        threshold.start();
        console.addFilter(threshold);
        ThirdPartyLogFilter thirdParty = new ThirdPartyLogFilter(options.verbose());
        thirdParty.start();
        console.addFilter(thirdParty);
        LibraryLogFilter libraries = new LibraryLogFilter(options.verbose());
        libraries.start();
        console.addFilter(libraries);
        console.start();
        root.addAppender(console);
        // Third-party libraries are chatty at DEBUG (Apache HttpClient logs every header, including Authorization).
        ctx.getLogger("org.apache.http").setLevel(Level.INFO);
        // At INFO OverThere logs every command line, i.e. the 4.5 KB encoded bootstrap: only with -v.
        ctx.getLogger("com.xebialabs.overthere").setLevel(options.verbose() ? Level.DEBUG : Level.INFO);
        ctx.getLogger("org.apache.velocity").setLevel(Level.WARN);
    }

    /** Adds a full DEBUG log for one run (plan/apply); with -v it keeps OverThere's harmless lines too. */
    public static void addRunLog(Path file, LoggingOptions options) {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        PatternLayoutEncoder enc = new PatternLayoutEncoder();
        enc.setContext(ctx);
        enc.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} %X{host} %X{step}: %msg%n");
        enc.start();
        FileAppender<ILoggingEvent> file0 = new FileAppender<>();
        file0.setContext(ctx);
        file0.setName("run-log");
        file0.setFile(file.toString());
        file0.setEncoder(enc);
        ThirdPartyLogFilter thirdParty = new ThirdPartyLogFilter(options.verbose());
        thirdParty.start();
        file0.addFilter(thirdParty);
        file0.start();
        ctx.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(file0);
    }
}
