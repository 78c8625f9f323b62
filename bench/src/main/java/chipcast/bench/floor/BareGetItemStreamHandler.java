package chipcast.bench.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The floor of issue 6 as the runtime runs it cheapest: a stream handler (the Lambda runtime hands it the
 * event's bytes and runs no serialiser, as for ChipCast's functions) doing {@link FloorClient}'s GetItem.
 */
public final class BareGetItemStreamHandler implements RequestStreamHandler {
    private final FloorClient floor = new FloorClient();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        // The event is a JSON string ("nvidia-h100-sxm"): its quotes are all the parsing it needs.
        String chipId = new String(input.readAllBytes(), StandardCharsets.UTF_8).strip().replace("\"", "");
        output.write(floor.getChip(chipId).getBytes(StandardCharsets.UTF_8));
    }
}
