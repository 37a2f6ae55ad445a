package dev.aisle.datasets.generate.shelf;

import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.HIGHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.NEITHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.choice;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.flag;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.number;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.rule;

import java.util.List;

/** Toys, where age suitability and safety notes matter as much as fun. */
final class ToyShelf implements Shelf {

    private static final String[] BRANDS = {"Little Roar", "Playwise", "Brightbox", "Tinker Town", "Jolly Bear",
            "Wonderkin", "Kidsy", "Dino Den"};

    @Override
    public List<CategorySpec> categories() {
        return List.of(dinosaurs(), building(), boardGames(), plush(), science(), rcCars());
    }

    /** Minimum age in years, then a maximum a few years above it; the title shows the range. */
    private static AttributeSpec minAge(int... choices) {
        return rule("min age", "years", (f, rng) -> Integer.toString(choices[rng.below(choices.length)]))
                .title("Ages {n}+")
                .bullet("Recommended for ages {n} and up")
                .qa("The box says ages {n} and up.", "What age is this for?", "Is this ok for a {young} year old?",
                        "What's the recommended age?")
                .explain("Follow the age on the box: it reflects both safety testing (small parts) and how fiddly the toy is; buying a year or two ahead usually leads to frustration.");
    }

    private static AttributeSpec maxAge(int span) {
        return rule("max age", "years", (f, rng) -> Integer.toString((int) f.num("min age") + span + rng.below(3)));
    }

    /** Small parts follow from the minimum age: anything for under-threes must not have them. */
    private static AttributeSpec smallParts(double pIfOlder) {
        return rule("small parts", "", (f, rng) -> f.num("min age") < 3 ? "no" : rng.chance(pIfOlder) ? "yes" : "no")
                .qa("{f}", "Are there small parts?", "Is it safe for a toddler?");
    }

    private static AttributeSpec safetyNote() {
        return rule("safety note", "", (f, rng) -> f.yes("small parts")
                        ? "WARNING: CHOKING HAZARD – Small parts. Not for children under 3 years."
                        : f.num("min age") < 3 ? "Tested to toy safety standards for children under 3; no small parts."
                        : "Meets toy safety standards; adult supervision recommended.")
                .bullet("{v}")
                .explain("Toys with small parts carry a choking-hazard warning and are not for children under 3, or for homes where a toddler might grab a younger sibling's pieces.");
    }

    private static CategorySpec dinosaurs() {
        return CategorySpec.of("Toys & Games", "Dinosaur Toys").noun("dinosaur set", false).titleNoun("Dinosaur Toy Set")
                .searchNames("dinosaur toys", "dinosaur toy", "dino toys", "dinosaur figures", "t rex toy")
                .brands(BRANDS).models("Jurassic Pals", "Dino Discovery", "Roar Squad", "Prehistoric Park", "T-Rex Tales", "Fossil Friends")
                .price(9, 60).share(1.4).usageUnit("weeks")
                .attributes(
                        minAge(1, 2, 3, 3, 4, 5, 6), maxAge(5),
                        choice("type", "figure set", "walking roaring T-Rex", "dig kit", "ride-on dinosaur", "soft dinosaurs", "dinosaur puzzle")
                                .title("{v}").query("{v}")
                                .bullet("[Includes|A] {v} [that sparks imaginative play|for hours of prehistoric fun]")
                                .qa("It's a {v}.", "What exactly do you get?"),
                        number("pieces", "", 1, 24, 1, NEITHER).qa("There are {n} pieces in the box.", "How many dinosaurs come in the set?", "How many pieces?"),
                        rule("material", "", (f, rng) -> switch (f.text("type")) {
                                    case "soft dinosaurs" -> "plush fabric";
                                    case "dinosaur puzzle" -> rng.pick("wood", "recycled cardboard");
                                    case "dig kit" -> "plaster and BPA-free plastic";
                                    default -> rng.pick("BPA-free plastic", "soft vinyl");
                                }).query("{v}")
                                .qa("They're made of {v}.", "What are they made of?"),
                        flag("batteries required", 0.3).qa("{f}", "Does it need batteries?"),
                        smallParts(0.5), safetyNote(),
                        flag("educational cards", 0.4).thing("dinosaur fact cards").bullet("Fact cards with each dinosaur's name and era"))
                .aspects(Common.build(),
                        new Aspect("kid appeal").praise("My {kidage} year old {kid} [is obsessed|hasn't put them down|plays with them every day].",
                                        "[Huge|Instant] hit with my {kidage} year old.", "Kept my {kid} busy for hours.",
                                        "My {kid} now knows every dinosaur's name and [roars at the cat|stages epic battles on the rug].",
                                        "These go everywhere with us[, even to bed|, even the bath|]; my {kidage} year old adores them.")
                                .complain("My {kidage} year old lost interest after [a day|a couple of days].",
                                        "Not much play value; my {kid} got bored quickly.")
                                .titles("+My kid loves it", "+Dino heaven", "-Bored in a day"),
                        new Aspect("realism").praise("The dinosaurs are [detailed|realistic] and the kids learned [all the names|a lot].",
                                        "Paint and detail are [excellent|better than expected].")
                                .complain("The dinosaurs look [cartoonish|nothing like the pictures].", "Paint was [smudged|chipping] out of the box."),
                        new Aspect("safety").praise("No sharp edges and [sturdy enough|tough enough] for a toddler.")
                                .complain("Pieces are small enough that I [keep them away from|wouldn't let] my toddler [near them|have them].")
                                .bias(f -> f.yes("small parts") ? -1 : 1),
                        new Aspect("age fit").praise("Perfect for the age on the box.")
                                .complain("The box says {v:min age} and up, and my {young} year old found it too fiddly, so that's on me."))
                .uses("for my {kidage} year old {kid}", "as a birthday gift for a {kidage} year old", "for my dinosaur-mad {kid}",
                        "as a Christmas present for my {kid}")
                .qa(f -> f.yes("small parts") ? "No, it has small parts, so it isn't suitable for children under 3." : "Yes, there are no small parts, so it's fine for little ones.",
                        "Is this safe for a 2 year old?", "Any small pieces a toddler could swallow?")
                .describe("The {brand} {model} {v:type} brings the age of the dinosaurs to the playroom[ with {n:pieces} pieces|].",
                        "Recommended for ages {n:min age} to {n:max age}; {v:safety note}",
                        "Made from {v:material}, [it stands up to rough play|it's easy to wipe clean].")
                .guide("Dinosaur toys range from chunky, soft figures for toddlers to detailed replicas and excavation kits for school-age fans.",
                        "For under-threes pick large, soft or chunky figures with no small parts. Ages 3–5 love walking, roaring toys and figure sets; 6 and up enjoy dig kits, realistic models and fact cards.")
                .substitutes("Plush Toys", "Science Kits").complements("Building Sets").validate();
    }

    private static CategorySpec building() {
        return CategorySpec.of("Toys & Games", "Building Sets").noun("set", false).titleNoun("Building Blocks Set")
                .searchNames("building blocks", "building set", "construction toys", "brick set")
                .brands(BRANDS).models("Brick City", "Build & Play", "Master Builder", "Castle Works", "Starship Build")
                .price(12, 120).share(1.1).usageUnit("weeks")
                .attributes(minAge(2, 4, 5, 6, 8, 8, 10), maxAge(6),
                        number("pieces", "", 60, 1200, 20, NEITHER).title("{n} Pieces").bullet("{n} pieces").qa("{n} pieces.", "How many pieces are in the set?"),
                        flag("compatible with major brands", 0.7).thing("compatibility with major brick brands").bullet("Compatible with major brick brands"),
                        number("build time", "hours", 1, 8, 1, NEITHER).qa("It took my kids about {v}.", "How long does it take to build?"),
                        smallParts(0.95), safetyNote())
                .aspects(Common.build(),
                        new Aspect("instructions").praise("Instructions are [clear|easy to follow], step by step.").complain("Instructions are [confusing|hard to follow] in places."),
                        new Aspect("brick fit").praise("Bricks click together firmly.").complain("Bricks don't hold together well; it keeps falling apart."),
                        new Aspect("kid appeal").praise("My {kidage} year old {kid} built it in one afternoon and keeps rebuilding it.").complain("My {kid} needed a lot of help and gave up."))
                .uses("for my {kidage} year old {kid}", "as a gift for a {kidage} year old", "for rainy weekends")
                .describe("The {brand} {model} set has {n:pieces} pieces for ages {n:min age}+. {v:safety note}")
                .guide("Match the piece count to the child: a few hundred large pieces for younger builders, 500+ for experienced ones who like a challenge.")
                .complements("Dinosaur Toys").validate();
    }

    private static CategorySpec boardGames() {
        return CategorySpec.of("Toys & Games", "Board Games").noun("game", false).titleNoun("Family Board Game")
                .searchNames("board game", "family board games", "board games for kids")
                .brands("Playwise", "Brightbox", "Meeple House", "Gamenight", "Wonderkin")
                .models("Treasure Trail", "Dragon Race", "Word Quest", "Island Traders", "Galaxy Run", "Castle Siege")
                .price(12, 60).share(1).usageUnit("game nights")
                .attributes(minAge(4, 6, 8, 8, 10, 12), maxAge(60),
                        choice("players", "2-4", "2-6", "3-8", "1-4").title("{v} Players").qa("It's for {v} players.", "How many players?"),
                        number("play time", "minutes", 15, 90, 15, NEITHER).qa("A game takes about {v}.", "How long is a game?"),
                        choice("type", "strategy", "cooperative", "party", "word game", "trivia").query("{v}"),
                        smallParts(0.8), safetyNote())
                .aspects(
                        new Aspect("fun").praise("[Loads of|So much] fun for the whole family.", "We've played it every weekend since we got it.")
                                .complain("Gets repetitive after a few games.", "Not much fun with only two players."),
                        new Aspect("rules").praise("Rules are easy to learn in ten minutes.").complain("The rulebook is confusing."),
                        new Aspect("components").praise("Good-quality board and pieces.").complain("Cards are thin and the board warped."))
                .uses("for family game night", "for playing with my {kidage} year old", "as a holiday gift")
                .describe("{brand} {model} is a {v:type} game for {v:players} players, ages {n:min age} and up.")
                .guide("Pick games by player count and how long your group will sit still: 20–30 minutes for young kids, longer strategy games for teens and adults.")
                .validate();
    }

    private static CategorySpec plush() {
        return CategorySpec.of("Toys & Games", "Plush Toys").noun("plush", false).titleNoun("Plush Stuffed Animal")
                .searchNames("stuffed animal", "plush toy", "soft toy", "teddy")
                .brands(BRANDS).models("Cuddle Buddy", "Snuggle", "Dino Hug", "Bear Hug", "Sleepy")
                .price(8, 45).share(0.9).usageUnit("months")
                .attributes(minAge(1, 1, 2, 3), maxAge(8),
                        number("height", "inches", 8, 24, 2, NEITHER).title("{v}").qa("It's about {v} tall.", "How big is it?"),
                        flag("machine washable", 0.6).query("machine washable").qa("{f}", "Can it go in the washing machine?"),
                        choice("animal", "dinosaur", "bear", "bunny", "unicorn", "dog").query("{v}"),
                        smallParts(0.1), safetyNote())
                .aspects(
                        new Aspect("softness").praise("[Super|Incredibly] soft and cuddly.").complain("Not as soft as it looks; the fur feels rough."),
                        new Aspect("kid appeal").praise("My {kid} sleeps with it every night.").complain("My {kid} ignored it."),
                        new Aspect("durability").praise("Survived the washing machine [several times|just fine].").complain("A seam split after a week."))
                .uses("for my {kid}", "as a baby shower gift", "for my {kidage} year old")
                .describe("The {brand} {model} is a {v:height} {v:animal} plush. {v:safety note}")
                .guide("For babies, choose plush with embroidered eyes (no buttons) that can go in the washing machine.")
                .substitutes("Dinosaur Toys").validate();
    }

    private static CategorySpec science() {
        return CategorySpec.of("Toys & Games", "Science Kits").noun("kit", false).titleNoun("STEM Science Kit")
                .searchNames("science kit", "stem toys", "experiment kit", "kids science kit")
                .brands(BRANDS).models("Lab Explorer", "Volcano Lab", "Crystal Grow", "Fossil Dig", "Robot Builder")
                .price(15, 70).share(0.9).usageUnit("weeks")
                .attributes(minAge(5, 6, 8, 8, 10), maxAge(6),
                        number("experiments", "", 10, 60, 5, HIGHER).title("{n} Experiments").qa("There are {n} experiments.", "How many experiments are included?"),
                        choice("topic", "chemistry", "fossils and dinosaurs", "robotics", "crystals", "electronics").query("{v}"),
                        flag("adult supervision required", 0.7),
                        smallParts(0.9), safetyNote())
                .aspects(
                        new Aspect("learning").praise("My {kid} learned a lot and asks great questions now.").complain("More mess than learning."),
                        new Aspect("instructions").praise("Clear instructions with the science explained.").complain("Instructions skip steps."),
                        new Aspect("materials").praise("Everything you need is in the box.").complain("Ran out of materials after half the experiments."))
                .uses("for my {kidage} year old {kid}", "for homeschool science", "as a birthday present")
                .describe("The {brand} {model} kit includes {n:experiments} {v:topic} experiments for ages {n:min age}+. {v:safety note}")
                .guide("Good science kits explain why things happen, not just what to do; check how many experiments use materials in the box.")
                .substitutes("Dinosaur Toys").validate();
    }

    private static CategorySpec rcCars() {
        return CategorySpec.of("Toys & Games", "Remote Control Cars").noun("car", false).titleNoun("Remote Control Car")
                .searchNames("remote control car", "rc car", "rc truck")
                .brands("Zoomtek", "Brightbox", "Rally Kid", "Tinker Town").models("Mud Monster", "Speed Racer", "Rock Crawler", "Drift King")
                .price(20, 120).share(0.7).usageUnit("weeks")
                .attributes(minAge(5, 6, 8, 8, 12), maxAge(10),
                        number("top speed", "mph", 8, 30, 1, HIGHER).title("{v}").qa("Top speed is about {v}.", "How fast does it go?"),
                        number("run time", "minutes", 10, 40, 5, HIGHER).qa("About {v} per charge.", "How long does the battery last?"),
                        flag("rechargeable battery included", 0.8).qa("{f}", "Does it come with a battery?"),
                        flag("waterproof", 0.4).query("waterproof"),
                        smallParts(0.3), safetyNote())
                .aspects(Common.build(),
                        new Aspect("speed").praise("Surprisingly fast[ for the price|].").complain("Much slower than advertised."),
                        new Aspect("battery").praise("Battery lasts a good while.").complain("Battery dies after a few minutes."),
                        new Aspect("kid appeal").praise("My {kidage} year old races it every day.").complain("My {kid} lost interest quickly."))
                .uses("for my {kidage} year old {kid}", "as a birthday gift", "for backyard racing")
                .describe("The {brand} {model} reaches {v:top speed} and runs for about {v:run time} per charge.")
                .guide("For younger kids pick a tough, slower car with a simple remote; older kids enjoy faster, hobby-grade cars with spare batteries.")
                .validate();
    }

    @Override
    public List<TopicGuide> topics() {
        return List.of(new TopicGuide("toys-by-age", "Choosing toys by age",
                List.of("Toys & Games"),
                List.of("Age labels on toys combine two things: safety (choking hazards from small parts for under-threes) and development (what a child can actually do with the toy). Treat the minimum age as firm for small parts and as a guide otherwise.",
                        "Under 3: large, chunky toys with no small parts, soft plush that can be washed, and simple cause-and-effect toys.",
                        "Ages 3–5: pretend play, figure sets such as dinosaurs and animals, simple building sets with big pieces, and first board games.",
                        "Ages 6–8: building sets with a few hundred pieces, science and dig kits, and games with simple strategy. Ages 8+: detailed models, remote control cars and longer strategy games.",
                        "If younger siblings share the playroom, buy for the youngest when it comes to small parts."),
                List.of("Dinosaur Toys", "Building Sets", "Plush Toys", "Science Kits"),
                List.of("age", "small parts", "choking hazard"),
                List.of("best dinosaur toys for a five-year-old?", "what toys are good for a 3 year old", "how do I choose a toy for my toddler?",
                        "gift ideas for a 5 yo who loves dinosaurs", "are small parts dangerous for a 2 year old",
                        "what age are dinosaur dig kits for?")));
    }
}
