package chipcast.core.chip;

/** Filters of GET /chips; null means no filter. */
public record ChipQuery(String vendorKey, String workload, Double minMemoryGB) {

    /** Identifies the query inside its page tokens, so a token cannot be replayed on another query. */
    public String scope() {
        return "chips|" + (vendorKey == null ? "" : vendorKey) + "|" + (workload == null ? "" : workload) + "|"
                + (minMemoryGB == null ? "" : minMemoryGB);
    }
}
