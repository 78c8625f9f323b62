package chipcast.bench.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

/**
 * The floor as a POJO handler (a String in): the Lambda runtime's serialiser reads its event, which shows
 * that serialiser's share of a cold start beside {@link BareGetItemStreamHandler}.
 */
public final class BareGetItemHandler implements RequestHandler<String, String> {
    private final FloorClient floor = new FloorClient();

    @Override
    public String handleRequest(String chipId, Context context) {
        return floor.getChip(chipId);
    }
}
