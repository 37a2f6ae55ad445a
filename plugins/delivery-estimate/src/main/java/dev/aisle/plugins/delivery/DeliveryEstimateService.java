package dev.aisle.plugins.delivery;

import dev.aisle.engine.spi.StoreService;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Estimates when a product arrives: it ships from one of the store's warehouses (chosen from the
 * product id, as the store's allocation would), travels one business day plus one per zone between
 * warehouse and destination, and is dispatched the next business day. Without a postcode the
 * answer is the store's standard promise range.
 */
public final class DeliveryEstimateService implements StoreService {

    /** A warehouse and the ZIP zone (first digit of a US ZIP) it sits in. */
    record Warehouse(String city, int zone) {
    }

    static final List<Warehouse> WAREHOUSES = List.of(
            new Warehouse("Reno, NV", 8), new Warehouse("Memphis, TN", 3), new Warehouse("Allentown, PA", 1));

    private static final Pattern US_ZIP = Pattern.compile("\\d{5}(-\\d{4})?");
    private static final Pattern UK_POSTCODE = Pattern.compile("[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    /** UK parcels go through the Allentown export desk: a fixed extra, not a zone distance. */
    private static final int UK_TRANSIT_DAYS = 6;

    private final Clock clock;

    public DeliveryEstimateService(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "delivery-estimate";
    }

    @Override
    public String description() {
        return "estimated delivery date of a product to a ZIP code or postcode";
    }

    @Override
    public ServiceResult call(ServiceCall call) {
        Warehouse from = warehouseOf(call.productId());
        String postcode = call.arguments().getOrDefault("postcode", "").trim().toUpperCase(Locale.ROOT);
        LocalDate today = LocalDate.now(clock);
        LocalDate shipped = addBusinessDays(today, 1);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("warehouse", from.city());
        if (postcode.isEmpty()) {
            LocalDate early = addBusinessDays(shipped, 2);
            LocalDate late = addBusinessDays(shipped, 6);
            fields.put("earliest", early.toString());
            fields.put("latest", late.toString());
            return new ServiceResult(name(), call.productId(), fields, "Standard delivery from " + from.city()
                    + " arrives between " + DAY.format(early) + " and " + DAY.format(late) + "; give a ZIP code for a date.");
        }
        int transit = transitDays(from, postcode);
        LocalDate arrives = addBusinessDays(shipped, transit);
        fields.put("postcode", postcode);
        fields.put("businessDays", Integer.toString(1 + transit));
        fields.put("date", arrives.toString());
        return new ServiceResult(name(), call.productId(), fields, "Estimated delivery to " + postcode + ": "
                + DAY.format(arrives) + " (" + (1 + transit) + " business days, ships from " + from.city() + ").");
    }

    /** The same product always ships from the same warehouse. */
    static Warehouse warehouseOf(String productId) {
        return WAREHOUSES.get(Math.floorMod(productId.hashCode(), WAREHOUSES.size()));
    }

    /** One day on the road plus one per zone between the warehouse and the destination ZIP. */
    static int transitDays(Warehouse from, String postcode) {
        if (US_ZIP.matcher(postcode).matches()) {
            return 1 + Math.abs(from.zone() - (postcode.charAt(0) - '0'));
        }
        if (UK_POSTCODE.matcher(postcode).matches()) {
            return UK_TRANSIT_DAYS;
        }
        throw new IllegalArgumentException("postcode '" + postcode + "' is neither a US ZIP (94103, 94103-1234)"
                + " nor a UK postcode (SW1A 1AA)");
    }

    static LocalDate addBusinessDays(LocalDate from, int days) {
        LocalDate d = from;
        for (int left = days; left > 0; ) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return d;
    }
}
