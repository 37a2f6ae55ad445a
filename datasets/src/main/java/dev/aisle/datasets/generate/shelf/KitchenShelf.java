package dev.aisle.datasets.generate.shelf;

import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.HIGHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.LOWER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.NEITHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.choice;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.flag;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.number;

import java.util.List;

/** Kitchen: knives, pans and small appliances. */
final class KitchenShelf implements Shelf {

    private static final String[] BRANDS = {"Copper Pot", "Kitchenly", "Hearth & Home", "Sharp Edge", "Brewline",
            "Chef's Table", "Mealcraft"};

    @Override
    public List<CategorySpec> categories() {
        return List.of(knives(), pans(), coffee(), blenders(), airFryers());
    }

    private static CategorySpec knives() {
        return CategorySpec.of("Kitchen", "Cutlery", "Chef's Knives").noun("knife", false).titleNoun("Chef's Knife")
                .searchNames("chef knife", "kitchen knife", "chef's knife 8 inch")
                .brands(BRANDS).models("Gyuto", "Master Chef", "Santoku Pro", "Everyday", "Damascus")
                .price(20, 220).share(1).usageUnit("months")
                .attributes(
                        number("blade length", "inches", 6, 10, 1, NEITHER).title("{v}").query("{n} inch")
                                .qa("The blade is {v} long.", "How long is the blade?")
                                .explain("An 8-inch blade suits most cooks; 6 inches is nimbler in small hands, 10 inches handles big jobs."),
                        choice("steel", "German stainless", "Japanese VG-10", "high-carbon stainless", "Damascus-clad VG-10").query("{v}")
                                .qa("It's {v} steel.", "What steel is it?")
                                .explain("Harder Japanese steels hold a keener edge but chip more easily; German steel is softer and tougher."),
                        number("hardness", "HRC", 55, 61, 1, HIGHER).qa("Rated {v}.", "How hard is the steel?"),
                        flag("dishwasher safe", 0.2).qa("{f} Hand wash it to keep the edge, though.", "Can it go in the dishwasher?"),
                        number("weight", "g", 150, 280, 10, NEITHER))
                .aspects(Common.build(),
                        new Aspect("sharpness").praise("[Scary|Razor] sharp out of the box; slices tomatoes effortlessly.").complain("Not very sharp out of the box."),
                        new Aspect("edge retention").praise("Still sharp after months of daily use.").complain("Dulls within weeks."),
                        new Aspect("balance").praise("Beautifully balanced in the hand.").complain("Handle-heavy and awkward."))
                .uses("for everyday cooking", "to replace my old knife block", "as a gift for my partner who loves to cook")
                .describe("The {brand} {model} is a {v:blade length} chef's knife forged from {v:steel} steel hardened to {v:hardness}.")
                .guide("A single good chef's knife does most kitchen work; hold it before you buy if you can, and budget for a sharpener or honing rod.")
                .complements("Nonstick Frying Pans").validate();
    }

    private static CategorySpec pans() {
        return CategorySpec.of("Kitchen", "Cookware", "Nonstick Frying Pans").noun("pan", false).titleNoun("Nonstick Frying Pan")
                .searchNames("nonstick frying pan", "non stick pan", "skillet", "frying pan")
                .brands(BRANDS).models("Everyday Skillet", "Chef Pan", "Ceramic Pro", "Hard Anodized", "Omelette")
                .price(18, 120).share(1.1).usageUnit("months")
                .attributes(
                        number("diameter", "inches", 8, 12, 2, NEITHER).title("{v}").query("{n} inch").qa("It's {v} across the top.", "What size is it?"),
                        choice("coating", "PTFE", "ceramic", "PFAS-free ceramic").query("{v}").qa("The coating is {v}.", "What is the coating?")
                                .explain("Ceramic coatings are PFAS-free but lose their slickness sooner; PTFE coatings stay slick longer at moderate heat."),
                        flag("induction compatible", 0.6).query("induction").qa("{f}", "Does it work on induction?")
                                .explain("Induction hobs need a magnetic base; check the label."),
                        number("oven safe to", "°F", 350, 500, 50, HIGHER).qa("Oven safe to {v}.", "Can it go in the oven?"),
                        flag("dishwasher safe", 0.5))
                .aspects(
                        new Aspect("nonstick").praise("Eggs slide right off.").complain("Eggs started sticking after [a month|a few weeks]."),
                        new Aspect("heating").praise("Heats evenly with no hot spots.").complain("Hot spot right in the middle."),
                        new Aspect("durability").praise("Coating still perfect after a year.").complain("Coating started peeling within months."))
                .uses("for everyday cooking", "for eggs and pancakes", "for my new induction hob")
                .describe("The {brand} {model} is a {v:diameter} pan with a {v:coating} nonstick coating, oven safe to {v:oven safe to}.")
                .guide("Treat nonstick pans as consumables: use medium heat, no metal utensils, and replace when food starts sticking.")
                .complements("Chef's Knives").validate();
    }

    private static CategorySpec coffee() {
        return CategorySpec.of("Kitchen", "Small Appliances", "Coffee Makers").noun("coffee maker", false).titleNoun("Coffee Maker")
                .searchNames("coffee maker", "drip coffee maker", "coffee machine", "espresso machine")
                .brands("Brewline", "Kitchenly", "Morning Ritual", "Barista Home", "Hearth & Home")
                .models("Morning Brew", "Thermal 12", "Espresso One", "Pour Master", "Single Serve")
                .price(30, 400).share(1).usageUnit("months")
                .attributes(
                        choice("type", "drip", "espresso", "single-serve", "pour-over").title("{v}").query("{v}")
                                .qa("It's a {v} machine.", "What type of coffee maker is it?")
                                .explain("Drip machines make pots for a household; espresso machines need practice but make café drinks; single-serve is about convenience."),
                        number("capacity", "cups", 1, 12, 1, NEITHER).qa("It makes up to {v}.", "How many cups does it make?"),
                        flag("programmable", 0.5).query("programmable").qa("{f}", "Can I set it to brew in the morning?"),
                        flag("thermal carafe", 0.35).thing("a thermal carafe").query("thermal carafe"),
                        number("warranty", "years", 1, 3, 1, HIGHER))
                .aspects(Common.easy(),
                        new Aspect("taste").praise("Coffee tastes [great|hot and full-flavoured].").complain("Coffee comes out lukewarm and weak."),
                        new Aspect("reliability").praise("Works every morning without fail.").complain("Stopped working after {k} months."),
                        new Aspect("cleaning").praise("Easy to clean and descale.").complain("A pain to clean."))
                .uses("for my morning coffee", "for the office", "for our new apartment")
                .describe("The {brand} {model} is a {v:type} coffee maker that brews up to {v:capacity}.")
                .guide("Decide how you drink coffee first: pots for several people, single cups, or espresso drinks. Then check cleaning effort and warranty.")
                .validate();
    }

    private static CategorySpec blenders() {
        return CategorySpec.of("Kitchen", "Small Appliances", "Blenders").noun("blender", false).titleNoun("Countertop Blender")
                .searchNames("blender", "smoothie blender", "countertop blender")
                .brands(BRANDS).models("Vortex", "Smoothie Pro", "Power Blend", "Nutri", "Crush")
                .price(35, 450).share(0.9).usageUnit("months")
                .attributes(
                        number("power", "W", 500, 1800, 100, HIGHER).title("{v}").qa("It's {v}.", "How powerful is the motor?")
                                .explain("1,000 W and up crushes ice and frozen fruit easily; smaller blenders are fine for soft smoothies."),
                        number("jar capacity", "oz", 24, 72, 8, NEITHER),
                        flag("ice crushing", 0.7).thing("enough power to crush ice").qa("{f}", "Can it crush ice?"),
                        number("noise", "dB", 80, 98, 2, LOWER).qa("It's loud, about {v}.", "How loud is it?"))
                .aspects(Common.easy(),
                        new Aspect("blending").praise("Smoothies come out silky smooth.").complain("Leaves chunks of frozen fruit."),
                        new Aspect("noise").praise("Quieter than my old one.").complain("Incredibly loud.")
                                .bias(f -> f.num("noise") >= 94 ? -1 : 0))
                .uses("for morning smoothies", "for soups and sauces", "for protein shakes")
                .describe("The {brand} {model} blender has a {v:power} motor and a {v:jar capacity} jar.")
                .guide("Motor power and blade design matter for ice and frozen fruit; check noise if you blend early in the morning.")
                .validate();
    }

    private static CategorySpec airFryers() {
        return CategorySpec.of("Kitchen", "Small Appliances", "Air Fryers").noun("air fryer", false).titleNoun("Air Fryer")
                .searchNames("air fryer", "air fryer oven", "large air fryer")
                .brands(BRANDS).models("Crisp", "Dual Basket", "Air Chef", "Compact", "Family XL")
                .price(40, 230).share(1).usageUnit("months")
                .attributes(
                        number("capacity", "qt", 2, 10, 1, NEITHER).title("{v}").query("{n} quart").qa("It's {v}.", "How big is the basket?")
                                .explain("2–4 qt suits one or two people; a family of four needs 5–6 qt or a dual basket."),
                        flag("dual basket", 0.3).thing("a dual basket").query("dual basket"),
                        number("power", "W", 1200, 1800, 100, NEITHER),
                        flag("dishwasher-safe basket", 0.7).thing("a dishwasher-safe basket").qa("{f}", "Can the basket go in the dishwasher?"))
                .aspects(Common.easy(),
                        new Aspect("crispiness").praise("Fries come out crispy every time.").complain("Food comes out soggy."),
                        new Aspect("cleaning").praise("Basket cleans up easily.").complain("Coating on the basket started flaking."))
                .uses("for quick weeknight dinners", "for a family of four", "for our small kitchen")
                .describe("The {brand} {model} is a {v:capacity} air fryer with {v:power} of heating power.")
                .guide("Size an air fryer to your household; a basket that's too small means cooking in batches.")
                .validate();
    }
}
