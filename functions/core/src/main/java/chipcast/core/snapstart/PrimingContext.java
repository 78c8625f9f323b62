package chipcast.core.snapstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;

/**
 * The context of a priming invocation: no user asked for it, so its request lines are not logged; a warning
 * or an error (the store unreachable at snapshot time) still reaches the function's log.
 */
final class PrimingContext implements Context {
    private final LambdaLogger logger;

    PrimingContext(LambdaLogger runtime) {
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                // an unlevelled line: treated as a request line, not logged
            }

            @Override
            public void log(byte[] message) {
                // as above
            }

            @Override
            public void log(String message, LogLevel level) {
                if (level == LogLevel.WARN || level == LogLevel.ERROR || level == LogLevel.FATAL) {
                    runtime.log(message, level);
                }
            }
        };
    }

    @Override public String getAwsRequestId() { return "snapstart-priming"; }
    @Override public String getLogGroupName() { return null; }
    @Override public String getLogStreamName() { return null; }
    @Override public String getFunctionName() { return null; }
    @Override public String getFunctionVersion() { return null; }
    @Override public String getInvokedFunctionArn() { return null; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 60_000; }
    @Override public int getMemoryLimitInMB() { return 0; }
    @Override public LambdaLogger getLogger() { return logger; }
}
