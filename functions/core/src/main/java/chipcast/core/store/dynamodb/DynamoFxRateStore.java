package chipcast.core.store.dynamodb;

import chipcast.core.forecast.FxRate;
import chipcast.core.forecast.FxRateStore;
import chipcast.core.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static chipcast.core.store.dynamodb.Items.s;

/** The FX rates table: key (pair, asOf), so a pair's dated rates are one Query. */
public final class DynamoFxRateStore implements FxRateStore {
    public static final String TABLE_ENV = "FX_RATES_TABLE";
    public static final String PARTITION_KEY = "pair";
    public static final String SORT_KEY = "asOf";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoFxRateStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<FxRate> all() {
        List<FxRate> rates = new ArrayList<>();
        for (String doc : allStored()) {
            rates.add(Json.readStored(doc, FxRate.class));
        }
        return rates;
    }

    @Override
    public List<String> allStored() {
        List<String> docs = new ArrayList<>();
        for (String quote : QUOTES) {
            QueryRequest request = QueryRequest.builder().tableName(table).keyConditionExpression("#p = :p")
                    .expressionAttributeNames(Map.of("#p", PARTITION_KEY, "#d", Items.DOC))
                    .expressionAttributeValues(Map.of(":p", s("USD/" + quote))).projectionExpression("#d").build();
            for (Map<String, AttributeValue> item : Items.queryAll(dynamo, "get fx rates", request)) {
                docs.add(item.get(Items.DOC).s());
            }
        }
        return docs;
    }

    /** A dated rate as its item: pair and date as keys, the rate as the JSON doc. */
    public static Map<String, AttributeValue> toItem(FxRate r) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(PARTITION_KEY, s(r.pair()));
        item.put(SORT_KEY, s(r.asOf()));
        item.put(Items.DOC, s(Json.write(r)));
        return item;
    }
}
