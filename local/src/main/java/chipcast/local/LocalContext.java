package chipcast.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The Lambda Context of a local invocation; a quiet one (tests) logs nothing. */
public final class LocalContext implements Context {
    private final String functionName;
    private final String requestId = UUID.randomUUID().toString();
    private final LambdaLogger logger;

    public LocalContext(String functionName, boolean quiet) {
        this.functionName = functionName;
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
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
