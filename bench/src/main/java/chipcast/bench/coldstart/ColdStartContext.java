package chipcast.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

/** The invocation's context, as the runtime passes one: its logger writes lines to stderr, not into the marks. */
final class ColdStartContext implements Context {
    private final LambdaLogger logger = new LambdaLogger() {
        @Override
        public void log(String message) {
            System.err.println(message);
        }

        @Override
        public void log(byte[] message) {
            System.err.println(new String(message, java.nio.charset.StandardCharsets.UTF_8));
        }
    };

    @Override public String getAwsRequestId() { return "coldstart"; }
    @Override public String getLogGroupName() { return null; }
    @Override public String getLogStreamName() { return null; }
    @Override public String getFunctionName() { return "coldstart"; }
    @Override public String getFunctionVersion() { return "$LATEST"; }
    @Override public String getInvokedFunctionArn() { return null; }
    @Override public CognitoIdentity getIdentity() { return null; }
    @Override public ClientContext getClientContext() { return null; }
    @Override public int getRemainingTimeInMillis() { return 15_000; }
    @Override public int getMemoryLimitInMB() { return 1024; }
    @Override public LambdaLogger getLogger() { return logger; }
}
