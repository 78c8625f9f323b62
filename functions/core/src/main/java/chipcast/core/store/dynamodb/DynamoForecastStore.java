package chipcast.core.store.dynamodb;

import chipcast.core.forecast.Forecast;
import chipcast.core.forecast.ForecastStore;
import chipcast.core.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static chipcast.core.store.dynamodb.Items.s;

/** The forecasts table: one item per forecast, the record as a JSON document, indexed by market. */
public final class DynamoForecastStore implements ForecastStore {
    public static final String TABLE_ENV = "FORECASTS_TABLE";
    public static final String PARTITION_KEY = "id";
    public static final String MARKET_INDEX = "byMarket";
    public static final String CATALOG_INDEX = "byCatalog";
    static final String CATALOG = "forecast";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoForecastStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Forecast> find(String id) {
        return Items.find(dynamo, table, PARTITION_KEY, id, Forecast.class, false, "get forecast");
    }

    /** Every forecast, in id order (a Query on the catalog index, never a Scan). */
    @Override
    public List<Forecast> all() {
        return query(CATALOG_INDEX, "catalog", CATALOG);
    }

    @Override
    public List<StoredForecast> allStored() {
        QueryRequest request = QueryRequest.builder().tableName(table).indexName(CATALOG_INDEX)
                .keyConditionExpression("#k = :k")
                .expressionAttributeNames(Map.of("#k", "catalog", "#i", PARTITION_KEY, "#m", "market", "#d", Items.DOC))
                .expressionAttributeValues(Map.of(":k", s(CATALOG))).projectionExpression("#i, #m, #d").build();
        List<StoredForecast> forecasts = new ArrayList<>();
        for (Map<String, AttributeValue> item : Items.queryAll(dynamo, "list forecasts", request)) {
            forecasts.add(new StoredForecast(item.get(PARTITION_KEY).s(), item.get("market").s(), item.get(Items.DOC).s()));
        }
        return forecasts;
    }

    @Override
    public List<Forecast> byMarket(String market) {
        return query(MARKET_INDEX, "market", market);
    }

    private List<Forecast> query(String index, String keyName, String keyValue) {
        QueryRequest request = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#k = :k").expressionAttributeNames(Map.of("#k", keyName, "#d", Items.DOC))
                .expressionAttributeValues(Map.of(":k", s(keyValue))).projectionExpression("#d").build();
        List<Forecast> forecasts = new ArrayList<>();
        for (Map<String, AttributeValue> item : Items.queryAll(dynamo, "list forecasts", request)) {
            forecasts.add(Items.doc(item, Forecast.class));
        }
        return forecasts;
    }

    /** A forecast as its item: id, the market and catalog its indexes query, the forecast as the JSON doc. */
    public static Map<String, AttributeValue> toItem(Forecast f) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(PARTITION_KEY, s(f.id()));
        item.put("market", s(f.market()));
        item.put("catalog", s(CATALOG));
        item.put(Items.DOC, s(Json.write(f)));
        return item;
    }
}
