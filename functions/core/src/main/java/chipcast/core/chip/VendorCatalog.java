package chipcast.core.chip;

import java.util.List;

/** The catalogue's vendors (data/vendors.json, bundled with the chip-spec function). */
public interface VendorCatalog {
    /** Every vendor, in vendorKey order. */
    List<Vendor> all();
}
