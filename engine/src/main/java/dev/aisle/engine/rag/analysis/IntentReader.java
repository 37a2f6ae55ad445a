package dev.aisle.engine.rag.analysis;

import dev.aisle.datasets.judgments.Intent;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides a question's intent from its wording and the products it is about. The order matters: a
 * question about price, stock or delivery is a store question whatever else it says; two products set
 * against each other make a comparison; a question that sets shelves, not products, against each
 * other ("trail shoes or road shoes?", "what's the difference between trail and road shoes") is
 * advice, since no compare element of two products answers it; a named product otherwise makes a
 * detail question. Thread-safe.
 */
final class IntentReader {

    private static final Pattern SERVICE = Pattern.compile(
            "\\b(?:in stock|out of stock|stock|available|availability|deliver(?:y|ed)?|ship(?:ping|ped|s)?|arrive|arrives|"
                    + "get it by|how much (?:is|are|does|do)|what(?:'s| is) the price|price of|current price|on sale|discount|"
                    + "pick ?up|in store|when can i get|cheaper than usual|(?:does|do) .+ cost|costs? right now|"
                    + "can i (?:still )?(?:buy|order|get) .+ by (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|the weekend)|"
                    + "can i still (?:buy|order|get)|still (?:sold|for sale))\\b"
                    + "|\\bprice\\s*\\??$");
    static final Pattern COMPARE = Pattern.compile(
            "\\b(?:vs\\.?|versus|compare[ds]?|comparison|compared|difference between|differences between|what's the difference|"
                    + "which (?:one )?is (?:better|lighter|cheaper|warmer|heavier)|better than|or the)\\b");
    private static final Pattern ADVICE = Pattern.compile(
            "\\b(?:what do i need|what should i (?:look for|know|consider|bring|get|wear)|how (?:do|should|can) i|how to|"
                    + "tips?|advice|what matters|what to look for|what to consider|do i need|should i get|guide|explain|"
                    + "how (?:important|often|long)|is it worth|what kind of|what type of|which type|worth (?:paying|spending|the)|"
                    + "essentials|can i use|what age|is it safe|are .+ (?:safe|dangerous))\\b");
    private static final Pattern DETAIL = Pattern.compile(
            "\\b(?:what(?:'s| is| are)? (?:its|the|their)|does (?:it|this|that|the)|is (?:it|this|that|the)|"
                    + "how (?:heavy|long|big|wide|tall|warm|much does it weigh)|tell me (?:about|more)|specs?|dimensions?|"
                    + "made of|what material|can (?:it|i)|do they)\\b");
    private static final Pattern EITHER_OR = Pattern.compile(
            "(?:(?:which is better|what's better|should i (?:get|buy))[,:]?\\s*)?(.+?)\\s+or\\s+(.+?)\\s*\\??");
    /** Longer "A or B" questions are usually a list of wishes ("for 2 or 3 people"), not two shelves. */
    private static final int EITHER_OR_MAX_WORDS = 14;

    private final CatalogueLexicon lexicon;

    IntentReader(CatalogueLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * @param text        the corrected question, lower case
     * @param asTyped     the question before typo correction, lower case ("paying" must not become "playing" here)
     * @param referenced  products named or resolved from earlier turns
     * @param named       products named in this question
     * @param comparingFollowUp a follow-up with a comparative word about earlier products ("is the second one lighter?")
     */
    Intent read(String text, String asTyped, List<String> referenced, List<String> named, boolean followUp,
                boolean comparingFollowUp) {
        if (SERVICE.matcher(text).find() || SERVICE.matcher(asTyped).find()) {
            return Intent.STORE_SERVICE;
        }
        boolean compareWords = COMPARE.matcher(text).find();
        if (named.size() >= 2 || (comparingFollowUp && referenced.size() >= 2) || (compareWords && !referenced.isEmpty())) {
            return Intent.COMPARISON;
        }
        if (referenced.isEmpty() && (compareWords || eitherOr(text) || ADVICE.matcher(text).find()
                || ADVICE.matcher(asTyped).find())) {
            return Intent.ADVICE;
        }
        if (!referenced.isEmpty()) {
            return Intent.PRODUCT_DETAIL;
        }
        if (DETAIL.matcher(text).find() && followUp) {
            return Intent.PRODUCT_DETAIL;
        }
        return Intent.RECOMMENDATION;
    }

    /** "trail shoes or running shoes?": two shop things set against each other in a short question. */
    private boolean eitherOr(String text) {
        Matcher m = EITHER_OR.matcher(text);
        if (!m.matches() || Words.tokens(text).size() > EITHER_OR_MAX_WORDS) {
            return false;
        }
        return namesShopThing(m.group(1)) && namesShopThing(m.group(2));
    }

    private boolean namesShopThing(String side) {
        for (String t : Words.tokens(side)) {
            String s = Words.singular(t);
            if (lexicon.isCategoryWord(s) || lexicon.brand(s) != null) {
                return true;
            }
        }
        return false;
    }
}
