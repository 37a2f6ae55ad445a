package dev.aisle.datasets.generate.shelf;

import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.HIGHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.LOWER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.NEITHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.choice;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.flag;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.number;

import java.util.List;

/** Golf, with the cold-weather gear shoppers ask about in autumn and winter. */
final class GolfShelf implements Shelf {

    private static final String[] BRANDS = {"Fairway Forge", "Birdie Lane", "Links & Co", "Tee Time", "Greenkeeper",
            "Kestrel Golf", "Parline", "Eagle Crest"};

    @Override
    public List<CategorySpec> categories() {
        return List.of(balls(), winterBalls(), gloves(), winterGloves(), thermals(), rainGear(), shoes(), bags(),
                rangefinders());
    }

    private static CategorySpec balls() {
        return CategorySpec.of("Golf", "Golf Balls").noun("balls", true).one("dozen").titleNoun("Golf Balls (12 Pack)")
                .searchNames("golf balls", "golf ball", "dozen golf balls").brands(BRANDS)
                .models("Tour Soft", "Distance", "Pro V", "Velocity", "Spin Control", "Precision", "Feel")
                .price(14, 55).share(1.2).usageUnit("rounds")
                .attributes(
                        choice("construction", "2-piece", "3-piece", "4-piece").title("{v}")
                                .bullet("{v} construction [for a blend of distance and feel|built for consistent flight]")
                                .qa("{It} {is} a {v} ball.", "How many layers do these balls have?", "Is this a 3-piece ball?")
                                .explain("More layers (3- and 4-piece) let a ball spin more around the greens; 2-piece balls are firmer, cheaper and go straighter for higher handicaps."),
                        number("compression", "", 45, 100, 5, NEITHER)
                                .bullet("Compression {n}: [suits|made for] [moderate|all] swing speeds")
                                .qa("Compression is {n}[, per the box|].", "What is the compression of these balls?", "What compression are these?")
                                .explain("Compression measures how much a ball squashes at impact: below 70 suits slower swings and cold days, 90 and above suits fast swings."),
                        choice("cover", "urethane", "ionomer", "Surlyn").query("{v} cover")
                                .bullet("Soft {v} cover [for greenside control|for durability]")
                                .qa("The cover is {v}.", "What is the cover made of?", "Urethane or ionomer cover?")
                                .explain("Urethane covers grip the wedge face for more spin; ionomer and Surlyn covers last longer and cost less."),
                        choice("color", "white", "white", "yellow", "matte orange").query("{v}")
                                .qa("{It} come{s} in {v}.", "What color are {this} balls?"),
                        number("pack size", "balls", 12, 12, 1, NEITHER))
                .aspects(
                        new Aspect("distance").praise("Noticeably longer off the tee than my old {other} balls[, maybe ten yards|].",
                                        "Distance is [excellent|great], especially with the driver.")
                                .complain("I lost [some|a good ten yards of] distance compared to my usual ball.",
                                        "Distance is [average at best|underwhelming].")
                                .titles("+Long and straight", "-Short off the tee"),
                        new Aspect("feel").praise("Lovely soft feel off the putter[ and wedges|].", "Feel around the greens is [superb|really soft]."
                                        ).complain("Feels [clicky|hard as a rock] off the putter.", "Too firm for my taste around the greens.")
                                .titles("+Soft feel", "-Feels like a rock"),
                        new Aspect("spin").praise("Wedges [check up|stop quickly] on the green.", "Plenty of greenside spin.")
                                .complain("Wedge shots just release and run out.", "Not much spin around the greens.")
                                .bias(f -> "urethane".equals(f.text("cover")) ? 0 : -1),
                        new Aspect("durability").praise("The cover [barely scuffs|holds up] even after a few cart-path bounces.")
                                .complain("The cover scuffs [after one wedge shot|far too easily].")
                                .bias(f -> "urethane".equals(f.text("cover")) ? 0 : 1))
                .uses("for my weekly rounds", "for league play", "to replace my usual ball", "for the range and the course")
                .qa(f -> f.num("compression") <= 70 ? "Yes, at compression {n:compression} {it} {is} a good match for slower swings."
                                : "Not really; compression {n:compression} is on the firm side, so slower swings may lose distance.",
                        "Are these good for slow swing speeds?", "Would a senior golfer like these?")
                .describe("{brand} {model} balls are built for golfers who want [distance without giving up feel|a consistent ball round after round].",
                        "Each dozen is [made to tight tolerances|individually checked] so every ball flies the same.",
                        "The {v:cover} cover and {v:construction} core give a [soft|responsive] feel off every club.")
                .guide("The right golf ball depends more on your swing speed and how much you value short-game spin than on the name on the box.",
                        "If you lose several balls a round, buy a durable 2-piece ball by the dozen; if you are chasing spin around the greens, a urethane ball is worth the extra cost.")
                .substitutes("Winter Golf Balls").complements("Golf Gloves", "Golf Bags").validate();
    }

    private static CategorySpec winterBalls() {
        return CategorySpec.of("Golf", "Cold-Weather Golf", "Winter Golf Balls").noun("balls", true).one("dozen")
                .titleNoun("Winter Golf Balls (12 Pack)").searchNames("winter golf balls", "cold weather golf balls", "low compression golf balls")
                .brands(BRANDS).models("Frost", "Winter Tour", "Cold Snap", "Hi-Vis", "Polar", "Thermal Core")
                .price(15, 45).share(0.8).usageUnit("rounds")
                .attributes(
                        number("compression", "", 30, 60, 5, NEITHER).title("Low Compression {n}")
                                .bullet("LOW COMPRESSION {n}: stays [lively|soft] when temperatures drop")
                                .qa("{It} {is} rated compression {n}, which is [very low|low] by design for cold air.", "What compression are these?", "How soft are these balls?")
                                .explain("Cold air and a cold core rob distance; a low-compression ball (30–60) still squashes properly at 40 °F, so you lose fewer yards."),
                        choice("color", "optic yellow", "matte orange", "matte pink", "high-visibility green").title("{v}").query("{v}")
                                .bullet("High-visibility {v} finish is easy to find in [frost|wet leaves|low winter light]")
                                .qa("{It} come{s} in {v}[, very easy to spot|].", "What color are they?", "Are these easy to see in snow?")
                                .explain("Bright colours (yellow, orange, pink) are easier to find in frost, leaves and flat winter light."),
                        number("lowest recommended temperature", "°F", 25, 45, 5, LOWER)
                                .bullet("Tested to play well down to {v}")
                                .qa("The box says they're designed for play down to about {v}.", "How cold can you play these?", "What temperature are they good down to?"),
                        choice("cover", "ionomer", "Surlyn", "soft ionomer"),
                        number("pack size", "balls", 12, 12, 1, NEITHER))
                .aspects(
                        new Aspect("cold distance").praise("On a [35|38|40]-degree morning these still flew [close to|nearly] my summer distances.",
                                        "Distance in the cold is [impressive|much better than my regular ball].")
                                .complain("Still lost a lot of distance once it dropped below {v:lowest recommended temperature}.",
                                        "Didn't notice any extra distance in the cold.")
                                .titles("+Great in the cold", "+Finally a winter ball that works", "-No difference in the cold"),
                        new Aspect("visibility").praise("The {v:color} is [easy|dead easy] to spot in frost and leaves.",
                                        "Never lost one in the leaves thanks to the {v:color} finish.")
                                .complain("The {v:color} [blends into|disappears in] wet leaves more than I hoped.")
                                .titles("+Easy to find", "-Hard to spot"),
                        new Aspect("feel").praise("Soft off the face even when my hands are cold.", "Doesn't sting on cold mis-hits.")
                                .complain("Feels [mushy|dead] off the putter.", "Too soft on full swings for me."))
                .uses("for winter golf", "for cold mornings on the course", "for frosty November rounds", "for winter league")
                .qa(f -> "Yes, {it} play{s} fine in summer too, but a firmer ball will go further once it warms up.",
                        "Can I use these in summer too?", "Are these only for winter?")
                .describe("{brand} {model} winter balls have a low-compression core that stays responsive in cold air.",
                        "A bright {v:color} cover makes them easy to find in frost and fallen leaves.")
                .guide("Winter balls trade a little summer performance for a softer core that keeps distance and feel when the air is cold.",
                        "Carry a few more balls than usual in winter: frost, wet leaves and flat light make them harder to find.")
                .substitutes("Golf Balls").complements("Winter Golf Gloves", "Thermal Base Layers").validate();
    }

    private static CategorySpec gloves() {
        return CategorySpec.of("Golf", "Golf Gloves").noun("glove", false).titleNoun("Golf Glove")
                .searchNames("golf glove", "golf gloves", "leather golf glove").brands(BRANDS)
                .models("Tour Grip", "Cabretta", "All-Weather", "Pro Feel", "Dura Grip", "Tack")
                .price(9, 35).share(1).usageUnit("rounds")
                .attributes(
                        choice("material", "Cabretta leather", "synthetic", "hybrid leather and synthetic").title("{v}").query("{v}")
                                .bullet("[Premium|Soft] {v} [palm|construction] for [feel|a tacky grip]")
                                .qa("It's {v}.", "Is this real leather?", "What is this glove made of?")
                                .explain("Cabretta leather gives the best feel but wears faster and hates rain; synthetic and hybrid gloves last longer and cope with wet grips."),
                        choice("hand", "left (for right-handed golfers)", "right (for left-handed golfers)").title("Worn on {v}")
                                .qa("It's worn on the {v}.", "Which hand is this for?", "Is this for a right-handed golfer?"),
                        choice("sizes", "S, M, ML, L, XL", "S, M, L, XL, cadet sizes"),
                        flag("all-weather grip", 0.4).query("all weather")
                                .bullet("All-weather grip [stays tacky|holds] when [wet|damp]")
                                .qa("{f}", "Does it grip in the rain?").explain("An all-weather glove keeps its grip when the grips are damp."))
                .aspects(Common.fit(),
                        new Aspect("grip").praise("Grip is [excellent|tacky|secure]; the club never twists.", "Really tacky grip[ even on humid days|].")
                                .complain("Grip [goes slick|gets slippery] once my hand sweats.", "Not much grip[ in damp conditions|].")
                                .bias(f -> f.yes("all-weather grip") ? 1 : 0)
                                .titles("+Great grip", "-Slippery"),
                        new Aspect("durability").praise("Lasted [a whole season|about {k} rounds] before the palm wore through.")
                                .complain("The palm wore through after [just|only] {k} rounds.", "Split at the thumb within a few weeks.")
                                .bias(f -> f.text("material").startsWith("Cabretta") ? 0 : 1))
                .uses("for my regular rounds", "for summer golf", "for range sessions")
                .describe("The {brand} {model} is a {v:material} glove shaped for a [close|snug|secure] fit.",
                        "[Perforated fingers keep your hand cool|A stretch panel across the knuckles keeps it comfortable] through eighteen holes.")
                .guide("A golf glove is there for grip: it should fit snugly with no loose material at the fingertips or palm.",
                        "Keep two gloves in rotation in hot or wet weather and let them dry flat; a sweaty glove loses grip and wears out faster.")
                .substitutes("Winter Golf Gloves").complements("Golf Balls").validate();
    }

    private static CategorySpec winterGloves() {
        return CategorySpec.of("Golf", "Cold-Weather Golf", "Winter Golf Gloves").noun("gloves", true)
                .titleNoun("Winter Golf Gloves (Pair)").searchNames("winter golf gloves", "cold weather golf gloves", "thermal golf gloves")
                .brands(BRANDS).models("Thermal Grip", "Winter Pro", "Frostbite", "Polar Grip", "Cold Front", "Arctic Tour")
                .price(18, 60).share(1).usageUnit("rounds")
                .attributes(
                        choice("lining", "brushed fleece", "thermal microfleece", "thin thermal knit").title("{v} Lined")
                                .bullet("[Warm|Soft] {v} lining [traps heat|keeps fingers warm] without [bulk|losing feel]")
                                .qa("The lining is {v}.", "What are they lined with?")
                                .explain("A thin thermal lining keeps fingers warm while still letting you feel the club; thick ski-style gloves kill your feel."),
                        flag("waterproof", 0.5).title("[Waterproof|]").query("waterproof")
                                .bullet("[Waterproof|Water-resistant] outer shell")
                                .qa("{f}", "Are these waterproof?", "Do they keep your hands dry in the rain?")
                                .explain("Waterproof winter gloves keep hands warm on wet days, because wet fingers get cold fast."),
                        flag("touchscreen fingertips", 0.55).bullet("Touchscreen-friendly fingertips for your [phone|GPS app]"),
                        flag("sold as a pair", 0.9).thing("a matching pair in the box").bullet("Sold as a pair: wear them on both hands between shots"),
                        number("lowest comfortable temperature", "°F", 25, 45, 5, LOWER)
                                .qa("I've used them down to about {v} and my hands stayed warm.", "How cold is too cold for these?", "Are these warm enough for 30 degrees?"),
                        choice("sizes", "S, M, L, XL", "M, L, XL, XXL"))
                .aspects(Common.fit(),
                        new Aspect("warmth").praise("Hands stayed [warm|toasty] on a [34|36|40]-degree morning.",
                                        "Genuinely warm without feeling like ski gloves.",
                                        "Played eighteen holes in [frost|a cold wind|near-freezing drizzle] and never needed the hand warmers.",
                                        "Warm enough that I stopped dreading winter tee times.")
                                .complain("Not warm enough below [40|45] degrees, my fingers went numb by the turn.",
                                        "Warmth is [disappointing|barely better than a summer glove].",
                                        "Fine at 50 degrees, useless at 35.")
                                .bias(f -> f.num("lowest comfortable temperature") <= 30 ? 1 : 0)
                                .titles("+Warm hands at last", "+Toasty", "-Not warm"),
                        new Aspect("grip").praise("Grip is [great|excellent] even when the grips are damp.",
                                        "Still have good grip and feel on chips and putts.")
                                .complain("Lost a lot of feel on chips and putts.", "Grip gets slippery in the rain.")
                                .bias(f -> f.yes("waterproof") ? 0 : 0)
                                .titles("+Great grip in the wet", "-No grip"),
                        new Aspect("dryness").praise("Kept my hands dry through [a drizzly back nine|steady rain].")
                                .complain("Soaked through [after a few holes|in light rain].")
                                .bias(f -> f.yes("waterproof") ? 1 : -1))
                .uses("for winter golf", "for cold and wet rounds", "for early-morning tee times in November", "for winter league play")
                .qa(f -> f.yes("waterproof") ? "Yes, they're waterproof, and my hands stayed dry through a wet round." : "No, they're water-resistant at best; in proper rain they get wet.",
                        "Will these keep my hands dry in the rain?")
                .qa(f -> "Yes, most people wear them on both hands; they're sold as a pair.", "Do you wear these on both hands?", "Is it one glove or two?")
                .describe("{brand} {model} winter gloves are made for cold-weather golf, with a {v:lining} lining and a grippy palm.",
                        "[They keep your fingers warm without losing feel on the club|Pre-curved fingers keep them flexible at the top of the swing].")
                .guide("In cold weather, golfers usually wear a pair of winter gloves instead of a single leather glove: warm hands grip more lightly and swing more freely.",
                        "Look for a thin thermal lining, a palm that still grips when damp, and, if you play in rain, a waterproof shell. Mittens between shots add warmth on very cold days.")
                .substitutes("Golf Gloves").complements("Thermal Base Layers", "Winter Golf Balls", "Golf Rain Jackets").validate();
    }

    private static CategorySpec thermals() {
        return CategorySpec.of("Golf", "Cold-Weather Golf", "Thermal Base Layers").noun("base layer", false)
                .titleNoun("Thermal Golf Base Layer").searchNames("thermal base layer", "golf base layer", "thermal golf shirt", "thermal underlayer")
                .brands(BRANDS).models("Thermo Core", "Heat Lock", "Winter Layer", "Cold Shield", "Warm Swing")
                .price(22, 80).share(0.9).usageUnit("rounds")
                .attributes(
                        choice("material", "merino wool", "polyester fleece-back", "merino and polyester blend").title("{v}").query("{v}")
                                .bullet("{v} [fabric|knit] [stays warm when damp|wicks sweat]")
                                .qa("It's {v}.", "What is it made of?", "Is this merino?")
                                .explain("Merino wool stays warm when damp and resists odour; polyester dries faster and costs less."),
                        number("fabric weight", "g/m²", 150, 300, 10, HIGHER).title("{v}")
                                .bullet("{v} fabric: [midweight|warm] without bulk under a sweater")
                                .qa("The fabric weight is {v}.", "How thick is the fabric?", "Is it heavyweight?")
                                .explain("Fabric weight tells you warmth: around 150–200 g/m² is a light layer, 250 g/m² and up is for near-freezing days."),
                        choice("fit", "compression", "athletic", "relaxed").bullet("{v} fit [moves with your swing|layers easily]")
                                .qa("It's a {v} fit.", "How does it fit?", "Is it tight?"),
                        choice("neck", "crew neck", "mock neck", "quarter zip"),
                        flag("machine washable", 0.85))
                .aspects(Common.fit(), Common.comfort(),
                        new Aspect("warmth").praise("[Really|Very] warm for how thin it is.", "Kept me warm on a [frosty|freezing|raw] morning round.")
                                .complain("Not as warm as I hoped; I needed another layer.", "Barely warmer than a regular shirt.")
                                .bias(f -> f.num("fabric weight") >= 250 ? 1 : f.num("fabric weight") <= 160 ? -1 : 0),
                        new Aspect("swing freedom").praise("Doesn't restrict my swing at all.", "Stretches [nicely|well] through the swing.")
                                .complain("Feels restrictive across the shoulders at the top of the swing.")
                                .titles("+Warm without bulk", "-Restricts the swing"))
                .uses("to wear under my golf sweater in winter", "for cold-weather golf", "for winter rounds")
                .describe("The {brand} {model} is a {v:fabric weight} {v:material} base layer that keeps your core warm without restricting your swing.",
                        "Wear it under a polo or quarter-zip on cold days.")
                .guide("Layering beats one thick jacket on the course: a thermal base layer, a mid layer and a windproof or waterproof shell let you shed heat as you walk.",
                        "Choose merino if you walk and sweat, polyester if you want quick drying and an easy wash.")
                .complements("Winter Golf Gloves", "Golf Rain Jackets").validate();
    }

    private static CategorySpec rainGear() {
        return CategorySpec.of("Golf", "Cold-Weather Golf", "Golf Rain Jackets").noun("jacket", false)
                .titleNoun("Waterproof Golf Rain Jacket").searchNames("golf rain jacket", "golf rain gear", "waterproof golf jacket", "rain suit golf")
                .brands(BRANDS).models("Storm Shield", "Dry Tour", "Rainmaker", "Monsoon", "Squall", "Downpour")
                .price(50, 260).share(0.9).usageUnit("rounds")
                .attributes(
                        number("waterproof rating", "mm", 10000, 30000, 5000, HIGHER).title("{v} Waterproof")
                                .bullet("{v} waterproof rating with fully taped seams")
                                .qa("It's rated {v}.", "What's the waterproof rating?", "Is it really waterproof?")
                                .explain("Waterproof ratings: 10,000 mm handles showers; 20,000 mm and up keeps you dry through a full wet round."),
                        number("breathability", "g/m²/24h", 8000, 25000, 1000, HIGHER)
                                .bullet("Breathable membrane ({v}) so you don't overheat walking")
                                .explain("Breathability matters if you walk: under 10,000 g/m²/24h you will feel clammy on the uphill holes."),
                        flag("quiet fabric", 0.6).thing("a quiet fabric").bullet("Quiet, soft-touch fabric that won't rustle during your swing")
                                .explain("Cheap rain jackets rustle at address; a quiet fabric is less distracting."),
                        number("weight", "g", 280, 520, 10, LOWER).qa("Mine weighs about {v} in a size L.", "How heavy is it?"),
                        flag("packable", 0.6).query("packable").bullet("Packs into its own pocket to fit in your golf bag"),
                        number("waterproof warranty", "years", 1, 3, 1, HIGHER).qa("There's a {v} waterproof warranty.", "Is there a warranty on the waterproofing?"))
                .aspects(Common.fit(),
                        new Aspect("waterproofing").praise("Stayed [completely|bone] dry through [three hours of rain|a soaking back nine].",
                                        "Genuinely waterproof; the seams held up in a downpour.")
                                .complain("Started leaking at the shoulders after a couple of hours of rain.",
                                        "Wet through at the seams on a rainy round.")
                                .bias(f -> f.num("waterproof rating") >= 20000 ? 1 : 0)
                                .titles("+Bone dry", "-Leaks"),
                        new Aspect("noise").praise("Quiet when I swing, no rustling.").complain("Rustles [loudly|every time I swing].")
                                .bias(f -> f.yes("quiet fabric") ? 1 : -1),
                        new Aspect("breathability").praise("Breathes well, even walking uphill.")
                                .complain("Gets clammy [inside|on the walk] after a few holes.")
                                .bias(f -> f.num("breathability") >= 15000 ? 1 : f.num("breathability") < 10000 ? -1 : 0))
                .uses("for rainy rounds", "for winter golf", "for golf trips to Scotland", "to keep in my bag just in case")
                .describe("The {brand} {model} jacket is a {v:waterproof rating} waterproof shell cut for a full golf swing.",
                        "Stretch panels at the shoulders and a [drop-tail hem|short cuff] keep it out of your way.")
                .guide("Good golf rain gear keeps you dry without getting in the way of the swing: check the waterproof rating, taped seams, a quiet fabric and stretch at the shoulders.",
                        "Trousers matter as much as the jacket on a wet day, and a towel and spare glove under the umbrella keep your grip dry.")
                .complements("Thermal Base Layers", "Winter Golf Gloves").validate();
    }

    private static CategorySpec shoes() {
        return CategorySpec.of("Golf", "Golf Shoes").noun("shoes", true).titleNoun("Golf Shoes")
                .searchNames("golf shoes", "spikeless golf shoes", "waterproof golf shoes").brands(BRANDS)
                .models("Tour Walk", "Fairway Flex", "Green Runner", "Links Classic", "Spikeless Pro")
                .price(60, 200).share(1).usageUnit("rounds")
                .attributes(
                        choice("sole", "spikeless", "spiked").title("{v}").query("{v}")
                                .bullet("{v} outsole [for traction on wet grass|that goes from course to clubhouse]")
                                .qa("{It} {is} {v}.", "Are these spiked or spikeless?")
                                .explain("Spiked soles grip best on wet, hilly courses; spikeless shoes are more comfortable and fine on dry, flat courses."),
                        flag("waterproof", 0.65).title("[Waterproof|]").query("waterproof")
                                .bullet("Waterproof [membrane|upper] [with a 1-year warranty|for dewy mornings]")
                                .qa("{f}", "Are these waterproof?", "Will my feet stay dry on wet grass?"),
                        number("weight", "g", 300, 480, 10, LOWER).qa("About {v} per shoe.", "How heavy are they?"),
                        choice("width", "standard", "standard and wide"))
                .aspects(Common.comfort(), Common.fit(),
                        new Aspect("traction").praise("Great traction even on [wet|dewy|hilly] lies.", "No slipping on my downswing.")
                                .complain("Slipped on wet grass [more than once|a few times].")
                                .bias(f -> "spiked".equals(f.text("sole")) ? 1 : 0),
                        new Aspect("dry feet").praise("Feet stayed dry on dewy mornings.")
                                .complain("Feet got wet walking through morning dew.")
                                .bias(f -> f.yes("waterproof") ? 1 : -1))
                .uses("for walking eighteen holes", "for weekend rounds", "for my golf trips")
                .describe("{brand} {model} golf shoes combine a {v:sole} sole with a [cushioned|supportive] footbed for walking the course.",
                        "[A breathable lining|A padded collar] keeps them comfortable from the first tee to the last green.")
                .guide("If you walk, comfort and waterproofing matter most; if you play hilly or wet courses, pick spiked soles.")
                .complements("Golf Gloves").validate();
    }

    private static CategorySpec bags() {
        return CategorySpec.of("Golf", "Golf Bags").noun("bag", false).titleNoun("Golf Bag")
                .searchNames("golf bag", "stand bag", "cart bag").brands(BRANDS)
                .models("Carry Lite", "Tour Stand", "Cart Pro", "Weekender", "Hybrid 14")
                .price(90, 320).share(0.8).usageUnit("rounds")
                .attributes(
                        choice("type", "stand bag", "cart bag", "carry bag").title("{v}").query("{v}")
                                .qa("It's a {v}.", "Is this a stand bag or a cart bag?")
                                .explain("Stand bags are light enough to carry; cart bags have more pockets and sit upright on a trolley."),
                        number("dividers", "", 4, 14, 1, HIGHER).title("{n}-Way Top").bullet("{n}-way top keeps clubs from tangling")
                                .qa("It has a {n}-way divider top.", "How many dividers does it have?"),
                        number("weight", "lb", 3.5, 8, 0.5, LOWER).bullet("Only {v}").qa("It weighs about {v}.", "How much does the bag weigh?")
                                .explain("Under 5 lb is comfortable to carry for eighteen holes."),
                        number("pockets", "", 5, 14, 1, HIGHER),
                        flag("waterproof", 0.3).query("waterproof"))
                .aspects(Common.build(),
                        new Aspect("carry comfort").praise("Straps are comfortable for a full walking round.").complain("The straps dig in by the back nine."),
                        new Aspect("storage").praise("Plenty of pockets, including a [cooler|valuables] pocket.").complain("Pockets are [small|awkwardly placed]."))
                .uses("for walking the course", "for my cart rounds", "as my first proper golf bag")
                .describe("The {brand} {model} is a {v:type} with a {n:dividers}-way top and {n:pockets} pockets.")
                .guide("Carry bags should be light with a comfortable double strap; cart bags should have dividers that run the full length so grips don't tangle.")
                .complements("Golf Balls").validate();
    }

    private static CategorySpec rangefinders() {
        return CategorySpec.of("Golf", "Golf Rangefinders").noun("rangefinder", false).titleNoun("Golf Laser Rangefinder")
                .searchNames("golf rangefinder", "laser rangefinder", "rangefinder with slope").brands(BRANDS)
                .models("PinSeeker", "Laser Pro", "Flag Lock", "Yardage", "Scope")
                .price(90, 400).share(0.6).usageUnit("rounds")
                .attributes(
                        number("range", "yd", 400, 1000, 50, HIGHER).title("{v} Range").bullet("Measures up to {v}")
                                .qa("It reads out to about {v}.", "What's the maximum range?"),
                        flag("slope", 0.55).thing("slope mode").title("[With Slope|]").query("with slope").bullet("Slope mode adjusts yardage for elevation (switch off for tournament play)")
                                .qa("{f}", "Does it have slope?", "Is it tournament legal?")
                                .explain("Slope adjusts the number for uphill and downhill shots; make sure it can be switched off for tournament play."),
                        number("magnification", "x", 5, 7, 1, HIGHER),
                        number("accuracy", "yd", 0.5, 1, 0.5, LOWER).qa("Accuracy is within {v}.", "How accurate is it?"),
                        flag("flag lock vibration", 0.7).thing("a flag-lock vibration"))
                .aspects(Common.easy(),
                        new Aspect("accuracy").praise("Locks onto the flag [instantly|every time].", "Yardages match the course markers.")
                                .complain("Keeps picking up the trees behind the flag.", "Readings jump around."),
                        new Aspect("battery").praise("Battery lasted [all season|months].").complain("Eats batteries."))
                .uses("for weekend rounds", "to stop guessing yardages", "for tournament practice")
                .describe("The {brand} {model} rangefinder reads distances up to {v:range} with {v:accuracy} accuracy.")
                .guide("A rangefinder saves strokes when it locks on the flag quickly; slope is useful on hilly courses but must be switched off in competition.")
                .complements("Golf Bags").validate();
    }

    @Override
    public List<TopicGuide> topics() {
        return List.of(new TopicGuide("cold-weather-golf", "Cold-weather golf: what to wear and carry",
                List.of("Golf", "Cold-Weather Golf"),
                List.of("Golf in cold weather is comfortable with the right kit. Start with layers: a thermal base layer, a warm mid layer and a windproof or waterproof shell let you stay warm on the tee and shed heat as you walk.",
                        "Hands matter most. Winter golf gloves, worn as a pair, keep fingers warm while still letting you feel the club; on very cold days add mittens or hand warmers between shots.",
                        "The ball behaves differently below about 50 °F: it flies shorter and feels harder. A low-compression winter ball in a bright colour keeps more distance and is easier to find in frost and leaves.",
                        "If rain is likely, a waterproof jacket with a high waterproof rating and quiet fabric, waterproof shoes and a spare dry glove make the difference between a miserable round and a good one.",
                        "Finally, take a warm hat, keep a flask of something hot in the bag, and expect less roll on frosty fairways: club up."),
                List.of("Winter Golf Gloves", "Thermal Base Layers", "Golf Rain Jackets", "Winter Golf Balls"),
                List.of("layers", "gloves", "low compression", "waterproof"),
                List.of("what do i need for cold weather golf?", "What should I wear to play golf in winter?",
                        "cold weather golf tips and gear", "playing golf at 40 degrees, what gear do i need",
                        "how do I keep warm on the golf course in winter?", "winter golf essentials?")));
    }
}
