package ai.alphacore.validation.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.LoggerFactory;

/**
 * Switches logging to one JSON object per line on stderr, for the long-running service. Done in
 * code rather than with a logback.xml so other CLI commands in the same jar keep their output.
 */
public final class JsonLogging {
  private JsonLogging() {}

  public static void install(String level) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) return;
    ctx.reset();
    LogstashEncoder enc = new LogstashEncoder();
    enc.setContext(ctx);
    enc.start();
    ConsoleAppender<ILoggingEvent> app = new ConsoleAppender<>();
    app.setContext(ctx);
    app.setTarget("System.err");
    app.setEncoder(enc);
    app.start();
    Logger root = ctx.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(app);
    ctx.getLogger("ai.alphacore").setLevel(Level.toLevel(level, Level.INFO));
  }
}
