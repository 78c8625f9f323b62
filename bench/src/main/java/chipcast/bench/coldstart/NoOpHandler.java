package chipcast.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/** The JVM's own share of a cold start: a handler that does nothing. */
public final class NoOpHandler implements RequestHandler<String, String> {
    @Override
    public String handleRequest(String input, Context context) {
        return "noop " + input;
    }
}
