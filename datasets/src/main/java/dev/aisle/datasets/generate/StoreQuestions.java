package dev.aisle.datasets.generate;

import dev.aisle.datasets.generate.shelf.QaSpec;

import java.util.List;

/**
 * Questions shoppers ask about any product, answered from what the rest of the corpus says about
 * it: the rating its reviews add up to, its hidden fit and durability, and the store's return policy.
 */
final class StoreQuestions {

    private StoreQuestions() {
    }

    static final List<QaSpec> FOR_EVERY_PRODUCT = List.of(
            new QaSpec(List.of("Is {this} {noun} worth the money?", "Worth it at this price?", "Is it good value?"),
                    f -> {
                        Item item = (Item) f;
                        double rating = item.product().rating();
                        if (rating >= 4.2) {
                            return "[Absolutely|Yes, definitely|I think so]. For {price} {it} {is} [hard to beat|a great buy|worth every penny].";
                        }
                        if (rating >= 3.2) {
                            return "[It's okay|Reasonable|Fair enough] for {price}, but [don't expect miracles|I'd wait for a sale|there are better options].";
                        }
                        return "[Honestly, no|Not in my experience|I wouldn't say so]; mine [disappointed|didn't last] and I'd [spend a bit more|look elsewhere].";
                    }),
            new QaSpec(List.of("How {does} {it} hold up over time?", "{Is} {it} durable?", "How long did yours last?"),
                    f -> f.quality() >= 0.6
                            ? "Mine [still looks great|is holding up well|shows hardly any wear] after {k} {usage}."
                            : f.quality() >= 0.4 ? "Okay so far, some wear after {k} {usage}."
                            : "Mine [started wearing out|fell apart] after about {k} {usage}."),
            new QaSpec(List.of("Can I return {them} if {it} {doesnt} work for me?", "Can I send {them} back if I change my mind?"),
                    f -> "Yes, the store takes returns within 30 days[ of delivery|], and returns are free."),
            new QaSpec(List.of("What's the return policy?", "How do returns work?"),
                    f -> "[Returns are free within 30 days|You have 30 days to return it for free][ of delivery|]."));

    static final QaSpec SIZING = new QaSpec(List.of("{Does} {it} run true to size?", "Should I order my normal size?",
            "How is the sizing?"),
            f -> ((Item) f).hasFitProblem()
                    ? "{It} run{s} {sizing}; I'd order {resize}."
                    : "True to size[ for me|, I ordered my usual size|].");
}
