package dev.aisle.plugins.sizeguide;

import java.util.List;

/** One chart: which words in a question call for it, and its rows as sentences. */
record SizeChart(String id, List<String> triggers, List<String> rows) {

    static final List<SizeChart> STORE = List.of(
            new SizeChart("shoes", List.of("shoe", "shoes", "sneaker", "trainer", "trail", "running", "boot", "boots"),
                    List.of("Shoe sizes (US men): 8 = 26.0 cm foot length, 9 = 27.0 cm, 10 = 28.0 cm, 11 = 29.0 cm, 12 = 30.0 cm.",
                            "Trail and running shoes: leave a thumb's width (about 1 cm) in front of the longest toe; size up half a size for long downhill runs.",
                            "Wide feet: look for a wide (2E) fit or a roomy toe box rather than sizing up a full size.")),
            new SizeChart("gloves", List.of("glove", "gloves", "mitt", "mitts", "hand"),
                    List.of("Glove sizes by hand circumference around the knuckles: S 7-7.5 in, M 8-8.5 in, L 9-9.5 in, XL 10-10.5 in.",
                            "Golf gloves should fit snugly with no loose material at the fingertips; winter golf gloves are usually sold in pairs and fit half a size larger.")),
            new SizeChart("clothing", List.of("jacket", "shirt", "layer", "thermal", "pants", "trousers", "hoodie", "vest", "base"),
                    List.of("Clothing sizes by chest: S 35-37 in, M 38-40 in, L 41-43 in, XL 44-46 in.",
                            "Base layers are meant to fit close to the skin; choose your usual size, or size down if between sizes.")));

    static final List<String> SIZE_WORDS = List.of("size", "sizes", "sizing", "fit", "fits", "small", "large", "big",
            "tight", "snug", "wide", "narrow", "length");
}
