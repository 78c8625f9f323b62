package chipcast.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Lambda Context of a local invocation; a quiet one (tests) logs nothing, a capturing one keeps every message
 * the function logs (a levelled line as {@code "INFO {...}\n"}, a byte[] message such as an EMF line as it is).
 */
public final class LocalContext implements Context {
    private final String functionName;
    private final String requestId = UUID.randomUUID().toString();
    private final LambdaLogger logger;
    private final List<String> logged = new CopyOnWriteArrayList<>();

    public LocalContext(String functionName, boolean quiet) {
        this(functionName, quiet, false);
    }

    private LocalContext(String functionName, boolean quiet, boolean capture) {
        this.functionName = functionName;
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                if (capture) {
                    logged.add(message);
                }
                if (!quiet) {
                    System.err.print(message);
                }
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }

            /** As Lambda's JSON log format would: the level beside the function's own line. */
            @Override
            public void log(String message, LogLevel level) {
                log(level + " " + message + "\n");
            }
        };
    }

    /** A quiet context that keeps what the function logs, for tests to read. */
    public static LocalContext capturing(String functionName) {
        return new LocalContext(functionName, true, true);
    }

    /** Every message logged through this context, in order (capturing contexts only). */
    public List<String> logged() {
        return List.copyOf(logged);
    }

    @Override public String getAwsRequestId() { return requestId; }
    @Override public String getLogGroupName() { return "/aws/lambda/local-" + functionName; }
    @Override public String getLogStreamName() { return "local"; }
    @Override public String getFunctionName() { return functionName; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:000000000000:function:" + functionName; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 15_000; }
    @Override public int getMemoryLimitInMB() { return 1024; }
    @Override public LambdaLogger getLogger() { return logger; }
}
