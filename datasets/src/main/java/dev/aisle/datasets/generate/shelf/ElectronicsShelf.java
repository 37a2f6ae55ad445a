package dev.aisle.datasets.generate.shelf;

import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.HIGHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.LOWER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.NEITHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.choice;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.flag;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.number;

import java.util.List;

/** Headphones and portable electronics. */
final class ElectronicsShelf implements Shelf {

    private static final String[] BRANDS = {"Sonara", "Auralis", "Bassline", "Quietwave", "Voltic", "Pulse Audio", "Echoform"};

    @Override
    public List<CategorySpec> categories() {
        return List.of(overEar(), earbuds(), speakers(), powerBanks());
    }

    private static AttributeSpec battery(int lo, int hi) {
        return number("battery life", "hours", lo, hi, 2, HIGHER).title("{v} Battery")
                .bullet("Up to {v} of playback on a charge")
                .qa("I get around {v} per charge, close to the spec.", "How long does the battery last?", "What's the battery life like?")
                .explain("Battery life matters for travel: 20+ hours covers a long-haul flight with noise cancelling on.");
    }

    private static CategorySpec overEar() {
        return CategorySpec.of("Electronics", "Headphones", "Over-Ear Headphones").noun("headphones", true)
                .titleNoun("Wireless Over-Ear Headphones").searchNames("noise cancelling headphones", "over ear headphones", "wireless headphones", "bluetooth headphones")
                .brands(BRANDS).models("Quiet 700", "Studio", "Voyager", "Silence", "Aura", "Nomad")
                .price(40, 400).share(1.3).usageUnit("months")
                .attributes(
                        flag("noise cancelling", 0.65).title("[Active Noise Cancelling|]").query("noise cancelling")
                                .bullet("Active noise cancelling [blocks out|cuts] [engine drone|office chatter]")
                                .qa("{f}", "Do these have noise cancelling?", "Are these ANC?")
                                .explain("Active noise cancelling removes steady low noise like engines and air conditioning; it helps less with voices."),
                        battery(20, 60),
                        number("weight", "g", 180, 350, 10, LOWER).qa("They weigh about {v}.", "How heavy are they?")
                                .explain("Under 250 g is comfortable for long wear."),
                        choice("codecs", "SBC, AAC", "SBC, AAC, aptX", "SBC, AAC, LDAC").qa("Supported codecs: {v}.", "Do they support aptX?"),
                        flag("multipoint", 0.5).query("multipoint").qa("{f}", "Can they connect to my laptop and phone at once?"),
                        flag("foldable", 0.6))
                .aspects(Common.comfort(),
                        new Aspect("sound").praise("Sound is [rich|detailed|warm] with [punchy|tight] bass.",
                                        "Vocals are [clear|crisp] and the bass never drowns them out.",
                                        "I'm hearing details in old [albums|playlists] I never noticed before.")
                                .complain("Sound is [muddy|flat|tinny].", "Bass is [boomy|overblown] and vocals sound [recessed|distant].")
                                .titles("+Amazing sound", "-Muddy sound"),
                        new Aspect("noise cancelling").praise("Noise cancelling [wipes out|silences] engine noise on flights.")
                                .complain("Noise cancelling is weak; I can still hear the office.")
                                .bias(f -> f.yes("noise cancelling") ? 0 : Aspect.SKIP).titles("+Silence on planes"),
                        new Aspect("battery").praise("Battery lasts [all week|forever].").complain("Battery life is well short of the claim."),
                        new Aspect("calls").praise("Callers say I sound clear.").complain("Mic is poor for calls."),
                        new Aspect("clamp").praise("No clamping pressure even with glasses.").complain("Too tight; headache after an hour."))
                .uses("for flights", "for working from home", "for my commute", "for gaming and music")
                .qa(f -> f.yes("noise cancelling") ? "Yes, the noise cancelling makes a big difference on planes." : "They have no active noise cancelling, so engine noise comes through.",
                        "Good for flights?", "Will these block plane noise?")
                .describe("The {brand} {model} headphones give up to {v:battery life} of wireless listening at {v:weight}.",
                        "[Memory-foam cushions|Soft protein-leather cushions] keep them comfortable on long trips.")
                .guide("For travel and open offices, noise cancelling and comfort matter more than the last bit of sound quality; for home listening, prioritise sound.",
                        "Check the codecs your phone supports: LDAC and aptX only help if both ends have them.")
                .substitutes("Wireless Earbuds").complements("Portable Power Banks").validate();
    }

    private static CategorySpec earbuds() {
        return CategorySpec.of("Electronics", "Headphones", "Wireless Earbuds").noun("earbuds", true)
                .titleNoun("True Wireless Earbuds").searchNames("wireless earbuds", "bluetooth earbuds", "earbuds for running")
                .brands(BRANDS).models("Buds Pro", "Air", "Sport Fit", "Mini", "Pods")
                .price(20, 280).share(1.3).usageUnit("months")
                .attributes(
                        flag("noise cancelling", 0.5).title("[ANC|]").query("noise cancelling").qa("{f}", "Do these have noise cancelling?"),
                        number("battery life", "hours", 4, 10, 1, HIGHER).title("{v} Playtime").qa("About {v} per charge, more with the case.", "How long do they last?"),
                        number("case battery", "hours", 16, 36, 4, HIGHER),
                        choice("water resistance", "IPX4", "IPX5", "IP55", "IPX7").query("{v}").qa("They're rated {v}.", "Are they sweat proof?")
                                .explain("IPX4 handles sweat; IPX7 survives a dunk. Runners should look for IPX4 or better."),
                        flag("ear hooks", 0.3).query("with ear hooks"))
                .aspects(Common.comfort(),
                        new Aspect("fit").praise("They stay put even on runs.").complain("They keep falling out when I run.")
                                .bias(f -> f.yes("ear hooks") ? 1 : 0),
                        new Aspect("sound").praise("Great sound for the size.").complain("Thin sound with no bass."),
                        new Aspect("connection").praise("Connection never drops.").complain("Right bud keeps disconnecting."))
                .uses("for running", "for the gym", "for my commute", "for calls at work")
                .describe("{brand} {model} earbuds play for {v:battery life} per charge, plus {v:case battery} from the case.")
                .guide("Fit decides everything with earbuds: try the different tips, and runners should look for ear hooks or wings.")
                .substitutes("Over-Ear Headphones").validate();
    }

    private static CategorySpec speakers() {
        return CategorySpec.of("Electronics", "Audio", "Bluetooth Speakers").noun("speaker", false).titleNoun("Portable Bluetooth Speaker")
                .searchNames("bluetooth speaker", "portable speaker", "waterproof speaker")
                .brands(BRANDS).models("Boom", "Party", "Pocket", "Rugged", "360")
                .price(20, 300).share(1).usageUnit("months")
                .attributes(
                        number("output", "W", 5, 60, 5, HIGHER).title("{v}").qa("It's rated {v}.", "How loud does it get?"),
                        battery(8, 24),
                        choice("water resistance", "IPX4", "IPX5", "IP67").query("{v} waterproof").qa("It's {v} rated.", "Is it waterproof?"),
                        number("weight", "g", 200, 1200, 50, NEITHER))
                .aspects(
                        new Aspect("sound").praise("Big sound for its size.").complain("Distorts at high volume."),
                        new Aspect("battery").praise("Battery lasts all weekend.").complain("Battery dies in a few hours."),
                        new Aspect("build").praise("Survived a drop into the pool.").complain("Stopped charging after a month."))
                .uses("for the beach", "for backyard parties", "for the shower", "for camping")
                .describe("The {brand} {model} speaker puts out {v:output} and is {v:water resistance} rated.")
                .guide("Pick by where you'll use it: a rugged, waterproof speaker for outdoors, a bigger one with more bass for parties.")
                .validate();
    }

    private static CategorySpec powerBanks() {
        return CategorySpec.of("Electronics", "Accessories", "Portable Power Banks").noun("power bank", false).titleNoun("Portable Power Bank")
                .searchNames("power bank", "portable charger", "battery pack")
                .brands("Voltic", "Chargeit", "Amplo", "Pulse Audio").models("Go 10K", "Max 20K", "Slim", "Travel", "Fast")
                .price(15, 90).share(0.9).usageUnit("months")
                .attributes(
                        number("capacity", "mAh", 5000, 27000, 5000, HIGHER).title("{v}").qa("It's {v}.", "What is the capacity?")
                                .explain("10,000 mAh charges a phone about twice; airlines limit power banks to 27,000 mAh (100 Wh)."),
                        number("max output", "W", 12, 100, 6, HIGHER).qa("Up to {v}.", "Can it charge a laptop?"),
                        number("ports", "", 1, 4, 1, HIGHER),
                        number("weight", "g", 130, 550, 10, LOWER))
                .aspects(
                        new Aspect("charging").praise("Charges my phone fast.").complain("Charges slowly, even with the right cable."),
                        new Aspect("capacity").praise("Gets close to the advertised capacity.").complain("Real capacity is much lower than claimed."))
                .uses("for travel", "for camping trips", "for long days out")
                .describe("The {brand} {model} holds {v:capacity} and charges at up to {v:max output}.")
                .guide("Real capacity is about two thirds of the label after conversion losses; check the output wattage if you want to charge a laptop.")
                .complements("Over-Ear Headphones").validate();
    }
}
