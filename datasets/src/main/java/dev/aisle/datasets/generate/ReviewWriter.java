package dev.aisle.datasets.generate;

import dev.aisle.datasets.generate.shelf.Aspect;
import dev.aisle.datasets.reviews.Review;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Writes shopper reviews. The star rating comes from the product's hidden quality; the text then
 * praises aspects whose hidden score is good and criticises those whose score is bad, in a mix that
 * matches the stars (a five-star review has no complaints beyond a minor nitpick, a one-star review
 * no praise), so that stars, text and attributes never contradict each other.
 */
final class ReviewWriter {

    private static final List<List<String>> VERDICTS = List.of(
            List.of("[Terrible|Awful|Very poor|Really bad] {noun}.", "[Do not buy|Save your money|Don't waste your money].",
                    "Really regret buying {this} {noun}.", "{This} {noun} [was a complete waste of money|went straight back]."
                    , "One star is generous.", "[Worst|Most disappointing] {noun} I've [ever bought|owned]."),
            List.of("[Disappointed|Pretty disappointed|Not impressed|Underwhelmed] with {this} {noun}.",
                    "{This} {noun} [didn't live up to|fell well short of] the [reviews|description|hype].",
                    "I wanted to like {this} {noun}[, I really did|].", "Not what I [hoped for|expected] from {brand}.",
                    "[Two stars|Generous two stars] because {it} technically work{s}.",
                    "Expected a lot more for the price."),
            List.of("[Decent|Okay|Average|Middle-of-the-road] {noun}[, nothing special|, some good and some bad|]. ",
                    "Mixed feelings about {this} {noun}.", "{It} {is} [fine|okay|alright], [just not great|but not amazing].",
                    "Three stars: [does the job|gets the job done], with [caveats|a few caveats].",
                    "[Somewhere in the middle|Neither great nor terrible], honestly.",
                    "Good in some ways, frustrating in others."),
            List.of("[Really good|Very solid|Pretty great|Good] {noun} [overall|for the money|], with [one small niggle|a couple of small niggles|one minor gripe|a few minor gripes].",
                    "Happy with {this} {noun}, [mostly|for the most part|on the whole].",
                    "[Solid|Good] [purchase|buy], [almost|nearly] perfect.", "{It} {does} what {it} should[, and then some|].",
                    "[Would give|I'd give] {them} four and a half stars if I could.",
                    "Not perfect, but [better than most|the best I've tried] at this price."),
            List.of("[Absolutely love|Really love|Very happy with|Couldn't be happier with|Thrilled with] {this} {noun}[!|.]",
                    "[Five stars|Easy five stars|Five stars, no hesitation].",
                    "{This} {noun} [exceeded|beat] my expectations.", "[Best|Nicest] {noun} I've owned [so far|in years|].",
                    "[Great|Excellent|Fantastic] {noun} from {brand}.",
                    "[Honestly|Genuinely] one of the best purchases I've made this year.",
                    "I don't usually write reviews, but {this} {noun} deserve{s} one."));
    private static final List<List<String>> CLOSERS = List.of(
            List.of("Returned {them}.", "Sent {them} back [the same day|for a refund|within the week].", "Avoid.",
                    "[Save yourself the hassle|Spend a bit more] and look elsewhere."),
            List.of("[Probably|I'll likely] return {them}.", "Wouldn't buy again.", "Look elsewhere.",
                    "Can't [really|] recommend {them}."),
            List.of("Might look elsewhere next time.", "Fine for the price, I suppose.", "Not bad, not great.",
                    "Worth it on sale, maybe not at full price."),
            List.of("Would recommend.", "[Still|Overall] a good buy.", "Worth it.", "I'd buy {them} again."),
            List.of("Would [definitely|happily] buy again.", "Highly recommend[!|.]", "Already ordered a second {one}.",
                    "Can't go wrong [with {this} {noun}|here].", "[Buy {them}|Just get {them}], you won't regret it."));
    private static final List<List<String>> TITLES = List.of(
            List.of("Junk", "Do not buy", "Waste of money", "Returned", "Very disappointed", "Fell apart"),
            List.of("Disappointing", "Not worth it", "Expected more", "Meh", "Not for me"),
            List.of("It's okay", "Average", "Mixed bag", "Decent, not great", "Does the job"),
            List.of("Very good", "Solid choice", "Good value", "Happy overall", "Pretty good"),
            List.of("Love {them}!", "Excellent", "Exactly what I needed", "Great {noun}", "Worth every penny",
                    "Perfect", "Highly recommend"));
    private static final List<String> GENERIC_PRAISE = List.of(
            "{It} feel{s} [well made|solidly built|like good quality].",
            "[Build quality|Quality] is [great|excellent|better than expected] for the price.",
            "Looks [even better|nicer] in person.", "Everything about {them} feels [premium|thought through].");
    private static final List<String> GENERIC_COMPLAINTS = List.of(
            "{It} just {doesnt} feel [well made|sturdy|worth the money].",
            "Quality control seems [poor|hit and miss]; mine had [a loose thread|a scuff|a rough edge] out of the box.",
            "Cheaper-feeling than the photos suggest.", "Not the quality I expected from {brand}.");
    private static final List<String> DURABLE = List.of(
            "After [about|roughly|] {k} {usage} {it} still look{s} [brand new|great|almost new].",
            "{k} {usage} in and no signs of wear.", "Holding up [really|very] well after {k} {usage}.");
    private static final List<String> FRAGILE = List.of(
            "[Started|Began] [coming apart|falling apart|to wear out] after [only|just] {k} {usage}.",
            "Durability is [poor|a problem]: [mine|ours] [showed wear|looked tired] after {k} {usage}.");
    private static final List<String> GOOD_VALUE = List.of(
            "For {price} {it} {is} a [bargain|steal|great value].", "[Great|Excellent] value at {price}.",
            "Paid {price} and feel like I got [more than|] my money's worth.");
    private static final List<String> POOR_VALUE = List.of(
            "[Way|Far|A bit] overpriced at {price}.", "Not worth {price}[, honestly|].",
            "At {price} I expected [a lot|much] more.");
    private static final List<String> BETTER_THAN = List.of(
            "[Much|Noticeably|Way] better than my old {other} {noun}.", "A [big|real] step up from my old {other} {noun}.");
    private static final List<String> WORSE_THAN = List.of(
            "My old {other} {noun} {was} [better|much better][ in every way|].", "Going back to my {other} {noun}.");
    private static final List<String> SHIPPING = List.of(
            "Arrived [quickly|a day early|on time|well packaged].", "[Fast|Quick] delivery[ too|].",
            "Packaging was [fine|nice|a bit excessive].");
    private static final List<String> OPENERS = List.of(
            "[I bought|I picked up|Bought|Ordered|Got] {this} {noun} {use}.",
            "[I bought|I picked up|Bought|Ordered|Got] {this} {noun} {use}.",
            "I've been using {this} {noun} {use} for [a few weeks|about a month|two months|most of a year] now.",
            "[My partner|My wife|My husband|My sister|A friend] [recommended|suggested] {this} {noun} {use}.",
            "Needed [a new|another] {one} {use}[ and went with {brand}|].",
            "After [a lot of|way too much] research I settled on {this} {noun} {use}.");
    private static final List<String> FREQUENCY = List.of(
            "[I|We] use {them} [almost every day|a few times a week|every weekend|most days].",
            "{It} get{s} [a lot of|daily] use in our house.", "{It} {has} had plenty of use [so far|since the day {it} arrived].");
    private static final List<String> GIFTED = List.of(
            "Bought another {one} as a gift for [my brother|a friend|my dad|a coworker], and it went down [well|a treat].",
            "[Already|Since then I've] recommended {them} to [two friends|my running group|my family|everyone who asks].");
    private static final List<String> SUPPORT = List.of(
            "Contacted {brand} support and [never heard back|got a canned reply|was told to wait two weeks].",
            "The seller offered a [refund|replacement], which is the only reason this isn't lower.");
    private static final List<String> UPDATE_GOOD = List.of(
            "Update after [a month|two months|a season]: still [very happy|going strong|just as good].",
            "Edit: [still|three months later,] no complaints.");
    private static final List<String> UPDATE_BAD = List.of(
            "Update: [it got worse|the problem came back|the replacement had the same issue].",
            "Edit: [lowered|dropped] my rating after [a few more weeks|another month].");
    private static final List<String> MINOR_LEAD = List.of(
            "My only [complaint|gripe|nitpick]:", "If I had to nitpick,", "One small downside:", "That said,");
    private static final List<String> FAIR_LEAD = List.of("To be fair,", "In fairness,", "On the plus side,");

    private final Function<Item, Double> valueScore;

    ReviewWriter(Function<Item, Double> valueScore) {
        this.valueScore = valueScore;
    }

    static int stars(double quality, Rng rng) {
        long s = Math.round(1 + 4 * quality + 0.85 * rng.gaussian());
        return (int) Math.max(1, Math.min(5, s));
    }

    Review write(Item item, String productId, int index, Rng rng) {
        int stars = stars(item.quality(), rng);
        Function<String, String> vars = vars(item, rng);
        List<String> sentences = new ArrayList<>();
        int length = rng.weighted(new double[] {0.2, 0.45, 0.35});

        if (length > 0 && rng.chance(0.7)) {
            sentences.add(Phrase.expand(rng.pick(OPENERS), rng, vars));
        }
        sentences.add(Phrase.expand(rng.pick(VERDICTS.get(stars - 1)), rng, vars));

        List<Aspect> good = new ArrayList<>();
        List<Aspect> bad = new ArrayList<>();
        for (Aspect a : item.spec().aspects()) {
            if (!item.hasAspect(a)) {
                continue;
            }
            (item.aspectScore(a) >= 0.5 ? good : bad).add(a);
        }
        int[] mix = mix(stars, length, rng);
        List<String> praise = new ArrayList<>();
        List<Aspect> praised = rng.sample(good, mix[0]);
        for (Aspect a : praised) {
            praise.add(Phrase.expand(rng.pick(a.praiseTemplates()), rng, vars));
        }
        if (praise.size() < Math.min(1, mix[0])) {
            praise.add(Phrase.expand(rng.pick(GENERIC_PRAISE), rng, vars));
        }
        List<String> complaints = new ArrayList<>();
        List<Aspect> faulted = rng.sample(bad, mix[1]);
        for (Aspect a : faulted) {
            complaints.add(Phrase.expand(rng.pick(a.complaintTemplates()), rng, vars));
        }
        // A happy reviewer's nitpick must be a real fault of this product, never a generic grumble.
        if (stars <= 3 && complaints.size() < Math.min(1, mix[1])) {
            complaints.add(Phrase.expand(rng.pick(GENERIC_COMPLAINTS), rng, vars));
        }
        if (stars >= 4) {
            sentences.addAll(praise);
            for (String c : complaints) {
                sentences.add(lead(Phrase.expand(rng.pick(MINOR_LEAD), rng, vars), c, item));
            }
        } else if (stars <= 2) {
            sentences.addAll(complaints);
            for (String p : praise) {
                sentences.add(lead(Phrase.expand(rng.pick(FAIR_LEAD), rng, vars), p, item));
            }
        } else {
            sentences.addAll(praise);
            for (int i = 0; i < complaints.size(); i++) {
                sentences.add(i == 0 ? lead(rng.pick("But", "However,", "On the other hand,"), complaints.get(i), item)
                        : complaints.get(i));
            }
        }
        if (length == 2) {
            extras(item, stars, rng, vars, sentences);
        }
        if (length > 0 && rng.chance(0.55)) {
            sentences.add(Phrase.expand(rng.pick(CLOSERS.get(stars - 1)), rng, vars));
        }
        if (rng.chance(0.08)) {
            sentences.add(Phrase.expand(rng.pick(SHIPPING), rng, vars));
        }

        String title = title(stars, praised, faulted, rng, vars);
        String text = join(sentences, rng);
        if (rng.chance(0.03)) {
            text = text.toLowerCase(Locale.ROOT);
        }
        int votes = (int) Math.max(0, Math.floor(Math.exp(0.9 * rng.gaussian() + 0.25 * length + (stars <= 2 ? 0.4 : 0)) - 1));
        return new Review(String.format(Locale.ROOT, "R%s-%03d", productId.substring(2), index), productId, stars,
                title, text, People.name(rng), People.date(rng), votes, rng.chance(0.88));
    }

    /** How many aspects to praise and to criticise for a review of this many stars and this length. */
    private static int[] mix(int stars, int length, Rng rng) {
        int room = 1 + length;
        return switch (stars) {
            case 5 -> new int[] {rng.between(1, room), rng.chance(0.08) ? 1 : 0};
            case 4 -> new int[] {rng.between(1, room), rng.chance(0.6) ? 1 : 0};
            case 3 -> new int[] {rng.between(1, Math.max(1, room - 1)), rng.between(1, Math.max(1, room - 1))};
            case 2 -> new int[] {rng.chance(0.35) ? 1 : 0, rng.between(1, room)};
            default -> new int[] {0, rng.between(1, room)};
        };
    }

    private void extras(Item item, int stars, Rng rng, Function<String, String> vars, List<String> sentences) {
        if (rng.chance(0.5)) {
            sentences.add(Phrase.expand(rng.pick(stars >= 4 ? DURABLE : stars <= 2 ? FRAGILE : DURABLE), rng, vars));
        }
        double value = valueScore.apply(item);
        if (rng.chance(0.4) && (stars >= 4 && value >= 0.5 || stars <= 2 && value < 0.5)) {
            sentences.add(Phrase.expand(rng.pick(value >= 0.5 ? GOOD_VALUE : POOR_VALUE), rng, vars));
        }
        if (rng.chance(0.35) && stars != 3 && item.spec().brands().size() > 1) {
            sentences.add(Phrase.expand(rng.pick(stars >= 4 ? BETTER_THAN : WORSE_THAN), rng, vars));
        }
        if (rng.chance(0.25)) {
            sentences.add(1 + rng.below(sentences.size()), Phrase.expand(rng.pick(FREQUENCY), rng, vars));
        }
        if (stars >= 4 && rng.chance(0.15)) {
            sentences.add(Phrase.expand(rng.pick(GIFTED), rng, vars));
        }
        if (stars <= 2 && rng.chance(0.3)) {
            sentences.add(Phrase.expand(rng.pick(SUPPORT), rng, vars));
        }
        if (stars != 3 && rng.chance(0.1)) {
            sentences.add(Phrase.expand(rng.pick(stars >= 4 ? UPDATE_GOOD : UPDATE_BAD), rng, vars));
        }
    }

    /** A stock title for the stars, or one about an aspect the text actually praises or faults. */
    private static String title(int stars, List<Aspect> praised, List<Aspect> faulted, Rng rng,
                                Function<String, String> vars) {
        List<String> pool = new ArrayList<>(TITLES.get(stars - 1));
        List<Aspect> side = stars >= 4 ? praised : stars <= 2 ? faulted : List.of();
        for (Aspect a : side) {
            pool.addAll(stars >= 4 ? a.praiseTitles() : a.complaintTitles());
        }
        return Phrase.capitalize(Phrase.expand(rng.pick(pool), rng, vars));
    }

    /** Joins a lead-in ("That said,") and a sentence; the lead's trailing space was tidied away. */
    private static String lead(String lead, String sentence, Item item) {
        return lead + " " + decapitalize(sentence, item);
    }

    /** Lower-cases a sentence start so it can follow a lead-in, unless it starts with a name. */
    static String decapitalize(String s, Item item) {
        if (s.length() < 2 || !Character.isLowerCase(s.charAt(1))) {
            return s;
        }
        for (String brand : item.spec().brands()) {
            if (s.startsWith(brand)) {
                return s;
            }
        }
        if (s.startsWith("I ") || s.startsWith("I'")) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    private static String join(List<String> sentences, Rng rng) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < sentences.size(); i++) {
            if (i > 0) {
                sb.append(i == 3 && sentences.size() >= 6 && rng.chance(0.5) ? "\n\n" : " ");
            }
            sb.append(Phrase.capitalize(sentences.get(i)));
        }
        return sb.toString();
    }

    private static Function<String, String> vars(Item item, Rng rng) {
        return key -> switch (key) {
            case "use" -> Phrase.expand(rng.pick(item.spec().uses()), rng, k -> kidVars(item, rng, k));
            case "k" -> Integer.toString(usageCount(item.spec().usageUnit(), rng));
            case "other" -> otherBrand(item, rng);
            default -> kidVars(item, rng, key);
        };
    }

    /** {kidage}: an age inside the toy's range; {young}: a year below its minimum age. */
    static String kidVars(Item item, Rng rng, String key) {
        switch (key) {
            case "kidage": {
                int min = (int) item.num("min age");
                int max = Double.isNaN(item.num("max age")) ? min + 6 : (int) item.num("max age");
                return Integer.toString(rng.between(Math.max(min, 2), Math.max(min, Math.min(max, min + 4))));
            }
            case "young":
                return Integer.toString(Math.max(2, (int) item.num("min age") - 1));
            case "kid":
                return rng.pick("son", "daughter", "grandson", "granddaughter", "nephew", "niece", "little one");
            default:
                return item.var(key);
        }
    }

    /** A believable amount of use: hundreds of miles, dozens of rounds, a few months. */
    static int usageCount(String unit, Rng rng) {
        return switch (unit) {
            case "miles" -> 10 * rng.between(5, 60);
            case "rounds", "runs", "walks", "washes", "hikes", "nights" -> rng.between(5, 60);
            case "months" -> rng.between(2, 18);
            case "weeks" -> rng.between(2, 16);
            default -> rng.between(3, 25);
        };
    }

    private static String otherBrand(Item item, Rng rng) {
        List<String> brands = item.spec().brands();
        String other = rng.pick(brands);
        for (int tries = 0; other.equals(item.brand()) && tries < 5; tries++) {
            other = rng.pick(brands);
        }
        return other;
    }
}
