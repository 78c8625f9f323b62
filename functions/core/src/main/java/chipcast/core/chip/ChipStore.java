package chipcast.core.chip;

import chipcast.core.store.Page;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The chips table as the chip and scenario services see it (the DynamoDB adapter is DynamoChipStore). */
public interface ChipStore {
    Optional<Chip> find(String id);

    /** Chips by id in one round trip; ids without a chip are absent from the map. */
    Map<String, Chip> findAll(List<String> ids);

    /** One page of the chips matching the query, in id order, after {@code startKey} (null: from the start). */
    Page<Chip> list(ChipQuery query, int limit, Map<String, String> startKey);
}
