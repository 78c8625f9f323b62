package chipcast.core.log;

import chipcast.core.json.Json;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

import java.util.ArrayList;
import java.util.List;

/**
 * The one logging style of the functions: a typed event written as JSON by the project's mapper, handed
 * to the Lambda logger with its level, so a function with {@code LogFormat: JSON} filters by application
 * log level and CloudWatch Logs Insights can query the fields. Never to stdout by hand, never a stack
 * trace printed: a failure is logged as its class, message and frames, as data.
 */
public final class Log {
    private final LambdaLogger logger;

    private Log(LambdaLogger logger) {
        this.logger = logger;
    }

    /** The invocation's logger; outside an invocation (SnapStart priming) the runtime's own. */
    public static Log of(Context context) {
        return new Log(context != null && context.getLogger() != null ? context.getLogger() : LambdaRuntime.getLogger());
    }

    public static Log to(LambdaLogger logger) {
        return new Log(logger);
    }

    public void info(Object event) {
        logger.log(Json.write(event), LogLevel.INFO);
    }

    public void warn(Object event) {
        logger.log(Json.write(event), LogLevel.WARN);
    }

    public void error(Object event) {
        logger.log(Json.write(event), LogLevel.ERROR);
    }

    /** A failure as log data: its class, message, first frames and cause, never a printed trace. */
    public record Failure(String type, String message, List<String> frames, Failure cause) {
        static final int MAX_FRAMES = 12;

        public static Failure of(Throwable t) {
            return of(t, 0);
        }

        private static Failure of(Throwable t, int depth) {
            if (t == null) {
                return null;
            }
            List<String> frames = new ArrayList<>();
            StackTraceElement[] trace = t.getStackTrace();
            for (int i = 0; i < Math.min(MAX_FRAMES, trace.length); i++) {
                frames.add(trace[i].toString());
            }
            Failure cause = depth < 4 && t.getCause() != t ? of(t.getCause(), depth + 1) : null;
            return new Failure(t.getClass().getName(), t.getMessage(), frames, cause);
        }
    }
}
