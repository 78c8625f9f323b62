package chipcast.bench.coldstart;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** The JVM's own share of a cold start: a stream handler that only echoes, so no serialiser runs either. */
public final class NoOpStreamHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write("noop ".getBytes());
        input.transferTo(output);
    }
}
