package chipcast.core.chip;

import chipcast.core.request.ErrorCode;
import chipcast.core.request.RequestException;
import chipcast.core.request.Text;
import chipcast.core.store.Listing;
import chipcast.core.store.Page;
import chipcast.core.store.PageToken;
import chipcast.core.store.Pages;

import java.util.List;
import java.util.Map;

/** The chip routes' work: a chip with its derived figures, a page of the catalogue, a comparison, the vendors. */
public final class ChipService {
    static final String VENDORS_SCOPE = "vendors";

    private final ChipStore chips;
    private final VendorCatalog vendors;
    private final PageToken pageTokens;

    public ChipService(ChipStore chips, VendorCatalog vendors, PageToken pageTokens) {
        this.chips = chips;
        this.vendors = vendors;
        this.pageTokens = pageTokens;
    }

    /** One page of the catalogue's vendors, in vendorKey order. */
    public Listing<Vendor> vendors(int limit, String nextToken) {
        return Pages.listing(vendors.all(), Vendor::vendorKey, "vendorKey", limit, pageTokens, VENDORS_SCOPE, nextToken);
    }

    public ChipView get(String id) {
        return ChipView.of(chips.find(id).orElseThrow(() -> notFound(List.of(id))));
    }

    /** One page of the chips the query matches; a token from another query is refused. */
    public Listing<ChipView> list(ChipQuery query, int limit, String nextToken) {
        Page<Chip> page = chips.list(query, limit, pageTokens.start(query.scope(), nextToken));
        return new Listing<>(page.items().stream().map(ChipView::of).toList(), pageTokens.next(query.scope(), page));
    }

    /** @param ids 2 to 10 distinct ids in the order asked for; the first is the baseline */
    public ChipComparison.Result compare(List<String> ids) {
        Map<String, Chip> found = chips.findAll(ids);
        List<String> missing = ids.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw notFound(missing);
        }
        return ChipComparison.compare(ids.stream().map(found::get).toList());
    }

    public static RequestException notFound(List<String> ids) {
        return new RequestException(ErrorCode.CHIP_NOT_FOUND, "no chip with id " + Text.quoteList(ids)
                + "; GET /chips lists the known ids");
    }
}
