package dev.aisle.datasets.generate.shelf;

import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.HIGHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.LOWER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.NEITHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.choice;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.flag;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.number;

import java.util.List;

/** Hiking and camping. */
final class OutdoorShelf implements Shelf {

    private static final String[] BRANDS = {"Northpeak", "Timberline Co", "Basecamp", "Ridgewalker", "Alpine Fox",
            "Wildtrail", "Cairn Gear"};

    @Override
    public List<CategorySpec> categories() {
        return List.of(boots(), backpacks(), tents(), sleepingBags(), headlamps(), poles());
    }

    private static CategorySpec boots() {
        return CategorySpec.of("Outdoors", "Hiking", "Hiking Boots").noun("boots", true).titleNoun("Hiking Boots")
                .searchNames("hiking boots", "waterproof hiking boots", "walking boots", "trekking boots")
                .brands(BRANDS).models("Summit Trek", "Ridge Mid", "Trailblazer", "Backcountry", "Highland", "Scout")
                .price(70, 260).share(1.2).usageUnit("miles")
                .attributes(
                        flag("waterproof", 0.75).title("[Waterproof|]").query("waterproof")
                                .bullet("Waterproof membrane keeps feet dry [in streams|on wet trails]").qa("{f}", "Are these waterproof?")
                                .explain("Waterproof boots keep feet dry on wet trails and in snow; in hot, dry weather a breathable non-waterproof boot is cooler."),
                        choice("cut", "mid", "high", "low").title("{v}-Cut").query("{v} cut")
                                .qa("They're a {v} cut.", "How high do they come up the ankle?")
                                .explain("Mid and high cuts support the ankle under a heavy pack; low cuts are lighter for day hikes."),
                        number("weight", "g", 450, 900, 10, LOWER).bullet("{v} per boot").qa("About {v} per boot in a men's 9.", "How heavy are they?")
                                .explain("Every 100 g on your feet feels like far more on your back; light boots suit day hikes, heavier ones carry loads."),
                        number("lug depth", "mm", 4, 6, 0.5, NEITHER).qa("The lugs are about {v} deep.", "How deep is the tread?"),
                        choice("upper", "leather", "synthetic", "leather and mesh").query("{v}"),
                        choice("break-in", "none", "short", "a few hikes").qa("Break-in was {v} for me.", "Do they need breaking in?"))
                .aspects(Common.comfort(), Common.fit(),
                        new Aspect("support").praise("Great ankle support on rocky descents.").complain("Not much ankle support[ for a boot|].")
                                .bias(f -> "low".equals(f.text("cut")) ? -1 : 0),
                        new Aspect("dry feet").praise("Feet stayed dry through [streams|wet grass|slushy snow].").complain("Leaked after a few months.")
                                .bias(f -> f.yes("waterproof") ? 0 : Aspect.SKIP),
                        new Aspect("grip").praise("Grippy on wet rock and mud.").complain("Slippery on wet rock."),
                        new Aspect("weight").praise("Light for a proper boot.").complain("Heavy; my legs felt it by the end of the day.")
                                .bias(f -> f.num("weight") >= 750 ? -1 : f.num("weight") <= 550 ? 1 : Aspect.SKIP))
                .uses("for day hikes", "for a trip to the Rockies", "for backpacking trips", "for winter walks", "for hiking with the dog")
                .describe("The {brand} {model} is a {v:cut}-cut hiking boot with a {v:upper} upper and {v:lug depth} lugs.",
                        "At {v:weight} per boot it [balances support and weight|is built for long days with a pack].")
                .guide("Fit comes first with hiking boots: try them late in the day with hiking socks, and make sure your toes don't hit the front on a downhill.",
                        "For day hikes on good trails, light low or mid boots or even trail shoes are enough; for multi-day trips with a pack, choose mid or high cuts with a stiffer sole.")
                .substitutes("Trail Running Shoes").complements("Trekking Poles", "Hiking Backpacks").validate();
    }

    private static CategorySpec backpacks() {
        return CategorySpec.of("Outdoors", "Hiking", "Hiking Backpacks").noun("pack", false).titleNoun("Hiking Backpack")
                .searchNames("hiking backpack", "daypack", "backpacking pack", "hiking rucksack")
                .brands(BRANDS).models("Daytripper", "Trail 30", "Expedition", "Ridge Runner", "Summit Pack")
                .price(35, 280).share(1).usageUnit("trips")
                .attributes(
                        number("capacity", "L", 18, 70, 2, NEITHER).title("{v}").query("{n} liter")
                                .bullet("{v} main compartment").qa("It's {v}.", "How many liters is it?")
                                .explain("18–30 L is a daypack, 40–50 L a weekend pack, 60 L and up for a week or winter gear."),
                        number("weight", "kg", 0.5, 2.4, 0.1, LOWER).qa("It weighs {v} empty.", "How heavy is it empty?"),
                        flag("rain cover included", 0.6).query("with rain cover").bullet("Integrated rain cover").qa("{f}", "Does it come with a rain cover?"),
                        flag("hydration compatible", 0.8).thing("a hydration sleeve").bullet("Hydration sleeve and hose port"),
                        choice("back system", "ventilated mesh", "padded foam", "adjustable frame"))
                .aspects(Common.build(),
                        new Aspect("carry comfort").praise("Carries the weight on the hips, not the shoulders.").complain("Shoulder straps dig in after a couple of hours."),
                        new Aspect("pockets").praise("Lots of well-placed pockets.").complain("Hip belt pockets are too small for a phone."),
                        new Aspect("ventilation").praise("Back stays cool thanks to the mesh panel.").complain("My back gets soaked with sweat."))
                .uses("for day hikes", "for a weekend backpacking trip", "for travel", "for hiking the Appalachian Trail")
                .describe("The {brand} {model} is a {v:capacity} pack with a {v:back system} back system, weighing {v:weight}.")
                .guide("Choose capacity by trip length and fit by torso length; a good hip belt carries most of the load.")
                .complements("Hiking Boots", "Headlamps").validate();
    }

    private static CategorySpec tents() {
        return CategorySpec.of("Outdoors", "Camping", "Tents").noun("tent", false).titleNoun("Camping Tent")
                .searchNames("tent", "camping tent", "backpacking tent", "family tent")
                .brands(BRANDS).models("Basecamp Dome", "Trail Shelter", "Family Cabin", "Ultralight", "Storm")
                .price(50, 450).share(1).usageUnit("nights")
                .attributes(
                        number("capacity", "people", 1, 6, 1, NEITHER).title("{n}-Person").query("{n} person")
                                .qa("It's a {n}-person tent, but {n} adults is snug.", "How many people does it sleep?")
                                .explain("Tent capacity assumes people lying shoulder to shoulder; size up by one for gear or comfort."),
                        choice("season rating", "3-season", "3-season", "4-season").title("{v}").query("{v}")
                                .qa("It's a {v} tent.", "Can I use this in winter?")
                                .explain("3-season tents handle spring to autumn; 4-season tents survive snow load and strong wind."),
                        number("packed weight", "kg", 1.1, 9, 0.1, LOWER).qa("Packed weight is {v}.", "How much does it weigh?")
                                .explain("For backpacking, aim for under about 2 kg per person."),
                        number("waterproof rating", "mm", 1500, 5000, 500, HIGHER).qa("The fly is rated {v}.", "How waterproof is it?"),
                        number("setup time", "minutes", 5, 25, 5, LOWER).qa("Takes me about {v} to pitch.", "How long does it take to set up?"))
                .aspects(Common.easy(),
                        new Aspect("weather").praise("Stayed dry through a night of heavy rain.").complain("Leaked at the seams in the first rain.")
                                .bias(f -> f.num("waterproof rating") >= 3000 ? 0 : -1),
                        new Aspect("space").praise("Roomy inside, with space for gear.").complain("Cramped; the capacity rating is optimistic."),
                        new Aspect("wind").praise("Solid in strong wind.").complain("Flapped all night in moderate wind."))
                .uses("for family camping", "for backpacking trips", "for festivals", "for camping with the kids")
                .describe("The {brand} {model} is a {v:season rating} tent for {n:capacity} with a {v:waterproof rating} fly.")
                .guide("Decide between backpacking (light, compact) and car camping (roomy, heavy) first; then pick capacity and season rating.")
                .complements("Sleeping Bags", "Headlamps").validate();
    }

    private static CategorySpec sleepingBags() {
        return CategorySpec.of("Outdoors", "Camping", "Sleeping Bags").noun("sleeping bag", false).titleNoun("Sleeping Bag")
                .searchNames("sleeping bag", "down sleeping bag", "camping sleeping bag")
                .brands(BRANDS).models("Cocoon", "Night Owl", "Arctic", "Summer Lite", "Three Season")
                .price(30, 350).share(0.9).usageUnit("nights")
                .attributes(
                        number("comfort temperature", "°F", 5, 50, 5, LOWER).title("{v}").qa("Comfort rating is {v}.", "How warm is it?")
                                .explain("Use the comfort rating, not the limit rating: it is the temperature at which an average sleeper stays warm."),
                        choice("fill", "down", "synthetic").query("{v}").qa("It's {v} filled.", "Is it down or synthetic?")
                                .explain("Down is lighter and packs smaller; synthetic fill keeps warmth when damp and costs less."),
                        number("weight", "kg", 0.7, 2.5, 0.1, LOWER),
                        choice("shape", "mummy", "rectangular", "semi-rectangular"))
                .aspects(Common.comfort(),
                        new Aspect("warmth").praise("Warm right down to the rating.").complain("Cold well above the stated rating."),
                        new Aspect("packability").praise("Packs down small.").complain("Bulky even in the compression sack.")
                                .bias(f -> "down".equals(f.text("fill")) ? 1 : 0))
                .uses("for spring camping", "for backpacking", "for a cold-weather trip")
                .describe("The {brand} {model} is a {v:shape} {v:fill} sleeping bag rated to {v:comfort temperature}.")
                .guide("Buy a bag rated a little colder than the lowest temperature you expect, and pair it with an insulated pad.")
                .complements("Tents").validate();
    }

    private static CategorySpec headlamps() {
        return CategorySpec.of("Outdoors", "Camping", "Headlamps").noun("headlamp", false).titleNoun("LED Headlamp")
                .searchNames("headlamp", "head torch", "rechargeable headlamp")
                .brands(BRANDS).models("Night Trail", "Beam", "Lumen Pro", "Spot", "Trailglow")
                .price(12, 90).share(0.7).usageUnit("nights")
                .attributes(
                        number("brightness", "lumens", 200, 1200, 50, HIGHER).title("{v}").qa("Max output is {v}.", "How bright is it?")
                                .explain("300 lumens is plenty for camp and hiking; 600+ helps for night running on technical trails."),
                        number("battery life", "hours", 4, 60, 2, HIGHER).qa("About {v} on the low setting.", "How long does the battery last?"),
                        flag("rechargeable", 0.7).query("rechargeable").qa("{f}", "Is it rechargeable?"),
                        choice("water resistance", "IPX4", "IPX6", "IPX7"),
                        flag("red light mode", 0.8).thing("a red light mode"))
                .aspects(Common.comfort(),
                        new Aspect("brightness").praise("Plenty bright for night hikes.").complain("Dimmer than advertised."),
                        new Aspect("battery").praise("Battery lasts for days of camping.").complain("Battery drains fast on high."))
                .uses("for camping", "for early-morning runs", "for night hikes")
                .describe("The {brand} {model} headlamp puts out up to {v:brightness} and is rated {v:water resistance}.")
                .guide("Look at real-world battery life at useful brightness, a red mode for camp, and a comfortable strap.")
                .complements("Tents").validate();
    }

    private static CategorySpec poles() {
        return CategorySpec.of("Outdoors", "Hiking", "Trekking Poles").noun("poles", true).titleNoun("Trekking Poles (Pair)")
                .searchNames("trekking poles", "hiking poles", "walking poles")
                .brands(BRANDS).models("Trail Stix", "Carbon Lite", "Alpine Pair", "Fold Pro")
                .price(25, 180).share(0.6).usageUnit("hikes")
                .attributes(
                        choice("material", "aluminum", "carbon fiber").query("{v}").qa("They're {v}.", "Carbon or aluminum?")
                                .explain("Carbon poles are lighter; aluminium bends rather than snaps and costs less."),
                        choice("locking", "flick lock", "twist lock"),
                        flag("foldable", 0.4).query("folding"),
                        number("weight per pole", "g", 180, 320, 10, LOWER).qa("About {v} per pole.", "How heavy are they?"))
                .aspects(
                        new Aspect("locks").praise("Locks hold firm, no slipping.").complain("Locks slip under weight."),
                        new Aspect("weight").praise("Very light in the hand.").complain("Heavier than I expected."))
                .uses("for steep hikes", "for my knees on descents", "for backpacking")
                .describe("{brand} {model} {v:material} poles with {v:locking} adjusters.")
                .guide("Poles save your knees on descents; pick flick locks for easy adjustment with gloves.")
                .complements("Hiking Boots").validate();
    }
}
