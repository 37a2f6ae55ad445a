package dev.aisle.datasets.generate.shelf;

import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.HIGHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.LOWER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.NEITHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.choice;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.flag;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.number;

import java.util.List;

/**
 * Running, where road and trail shoes differ in ways shoppers ask about: lug depth, rock plate,
 * drop, cushioning, waterproofing and weight.
 */
final class RunningShelf implements Shelf {

    private static final String[] BRANDS = {"Stridewell", "Trailhawk", "Pacer Lab", "Northpeak", "Velo Run", "Summit Stride",
            "Kinetic", "Lumen Sports"};

    @Override
    public List<CategorySpec> categories() {
        return List.of(road(), trail(), socks(), watches(), vests());
    }

    private static AttributeSpec cushioning() {
        return choice("cushioning", "firm", "balanced", "plush", "max").title("{v} Cushioning").query("{v} cushion")
                .bullet("{v} cushioning [for|built for] [long runs|daily miles|a smooth ride]")
                .qa("The cushioning is {v}[, in my opinion|, as advertised|].", "How much cushioning do these have?", "Are these soft or firm?")
                .explain("Cushioning runs from firm (more ground feel, better for fast runs) to max (soft and protective for long, slow miles).");
    }

    private static AttributeSpec drop(double lo, double hi) {
        return number("drop", "mm", lo, hi, 2, NEITHER).title("{v} Drop")
                .bullet("{v} heel-to-toe drop")
                .qa("The drop is {v}.", "What's the drop on these?", "What is the heel to toe drop?", "Is this a zero drop shoe?")
                .explain("Drop is the height difference between heel and forefoot: 8–12 mm is traditional and easy on the calves, 0–4 mm encourages a midfoot strike but needs a gradual switch.");
    }

    private static CategorySpec road() {
        return CategorySpec.of("Running", "Running Shoes", "Road Running Shoes").noun("shoes", true)
                .titleNoun("Road Running Shoes").searchNames("road running shoes", "running shoes", "road shoes", "running sneakers")
                .brands(BRANDS).models("Tempo", "Glide", "Cloudline", "Pace", "Velocity", "Daily", "Marathon", "Streak")
                .price(70, 220).share(1.6).usageUnit("miles")
                .attributes(
                        number("lug depth", "mm", 1, 2.5, 0.5, NEITHER)
                                .bullet("Flat {v} [rubber|outsole] pattern for smooth transitions on pavement")
                                .qa("The lugs are only about {v}; it's a road outsole.", "How deep are the lugs?")
                                .explain("Road shoes have shallow lugs (1–2.5 mm) that are smooth and durable on pavement but slip on mud."),
                        flag("rock plate", 0.0).thing("a rock plate").bullet("").qa("{f}", "Do these have a rock plate?"),
                        drop(4, 12), cushioning(),
                        number("stack height", "mm", 26, 42, 1, NEITHER).qa("Heel stack is about {v}.", "What's the stack height?"),
                        flag("carbon plate", 0.15).thing("a carbon plate").title("[Carbon Plated|]").query("carbon plated")
                                .bullet("Full-length carbon plate for a snappy, fast toe-off")
                                .explain("Carbon plates make shoes feel snappy at race pace; for easy miles they add cost without much benefit."),
                        flag("waterproof", 0.12).query("waterproof").bullet("Waterproof GORE-TEX upper for winter miles")
                                .qa("{f}", "Are these waterproof?", "Do they come in a waterproof version?")
                                .explain("Most road shoes are not waterproof on purpose: a mesh upper breathes and dries fast."),
                        number("weight", "g", 200, 320, 5, LOWER).title("{v}").bullet("Weighs {v} (men's US 9)")
                                .qa("They weigh about {v} per shoe in a men's 9.", "How much do these weigh?", "How heavy are they?")
                                .explain("Under 250 g per shoe feels light and fast; over 300 g usually means more cushion or support."),
                        choice("support", "neutral", "neutral", "stability").query("{v}")
                                .qa("They're a {v} shoe.", "Are these good for overpronation?", "Neutral or stability?"),
                        choice("surface", "road and treadmill", "road, track and treadmill"))
                .aspects(Common.comfort(), Common.fit(),
                        new Aspect("cushioning").praise("The {v:cushioning} cushioning feels great on long runs.",
                                        "My legs felt fresh after a [10|12|15]-mile run.",
                                        "[Bouncy|Springy|Protective] enough for long runs, yet not mushy.")
                                .complain("Cushioning felt [flat|dead] after about {k} miles.", "Too {v:cushioning} for my taste on long runs.")
                                .titles("+Cushioned and fast", "-Packed out quickly"),
                        new Aspect("weight").praise("At {v:weight} they feel [light|fast|nimble] on tempo runs.")
                                .complain("At {v:weight} they feel [heavy|clunky] on faster runs.")
                                .bias(f -> f.num("weight") <= 240 ? 1 : f.num("weight") >= 295 ? -1 : Aspect.SKIP)
                                .titles("+Light and fast", "-Heavy"),
                        new Aspect("ride").praise("The ride is smooth[ and stable|] at every pace.", "Transitions are [smooth|effortless].")
                                .complain("The ride feels [unstable|wobbly] on corners.", "Something about the ride just feels off."),
                        new Aspect("durability").praise("{k} miles in and the outsole barely shows wear.")
                                .complain("The outsole wore through at the heel after about {k} miles."),
                        new Aspect("wet grip").praise("Grip on wet pavement is [surprisingly good|solid].")
                                .complain("Slippery on wet pavement and painted lines.")
                                .titles("-Slippery when wet"))
                .uses("for daily training runs", "for marathon training", "for treadmill runs", "for my first half marathon",
                        "for easy miles", "for tempo runs and races")
                .qa(f -> "Not really; the {v:lug depth} road lugs slip on mud and loose gravel. Get a trail shoe for that.",
                        "Can I use these on trails?", "Are these ok for muddy trails?", "Would these work on gravel paths?")
                .qa(f -> f.num("drop") >= 8 ? "With {v:drop} of drop, they suit heel strikers fine." : "The drop is only {v:drop}, so heel strikers may feel it in the calves at first.",
                        "Good for heel strikers?", "I land on my heels, will these work?")
                .describe("The {brand} {model} is a {v:cushioning}-cushioned road shoe with a {v:drop} drop, built for [daily training|everyday miles|long runs].",
                        "An engineered mesh upper [breathes well|keeps your foot cool] and a [durable|high-abrasion] rubber outsole handles pavement and treadmills.",
                        "At {v:weight} it [stays light enough for faster days|feels planted on long runs].")
                .guide("Road running shoes are built for pavement and treadmills: smooth, shallow outsoles, breathable mesh uppers and cushioning tuned for repetitive impact.",
                        "Buy for the run you do most. A daily trainer with balanced cushioning and an 8–10 mm drop suits most runners; add a light, firm shoe for speed work later.",
                        "Replace road shoes every 300–500 miles, when the midsole feels flat or the outsole wears through.")
                .substitutes("Trail Running Shoes").complements("Running Socks", "GPS Running Watches").validate();
    }

    private static CategorySpec trail() {
        return CategorySpec.of("Running", "Running Shoes", "Trail Running Shoes").noun("shoes", true)
                .titleNoun("Trail Running Shoes").searchNames("trail running shoes", "trail shoes", "trail runners", "off road running shoes")
                .brands(BRANDS).models("Ridgeline", "Mudlark", "Scree", "Talus", "Switchback", "Canyon", "Fell Runner", "Summit")
                .price(80, 230).share(1.6).usageUnit("miles")
                .attributes(
                        number("lug depth", "mm", 3.5, 6.5, 0.5, NEITHER).title("{v} Lugs")
                                .bullet("Aggressive {v} multidirectional lugs [bite into|grip] mud, scree and wet roots")
                                .qa("The lugs are {v} deep.", "How deep are the lugs?", "What's the lug depth?")
                                .explain("Lug depth decides grip: 3.5–4 mm handles hardpack and gravel and is fine on short road sections, 5 mm and more digs into mud and soft ground but feels squirmy on pavement."),
                        flag("rock plate", 0.55).thing("a rock plate").title("[Rock Plate|]").query("with rock plate")
                                .bullet("Flexible rock plate [shields your feet from|protects against] sharp stones")
                                .qa("{f}", "Do these have a rock plate?", "Is there a rock plate?")
                                .explain("A rock plate is a thin shield in the midsole that stops sharp stones from bruising your feet on rocky trails."),
                        drop(0, 10), cushioning(),
                        flag("waterproof", 0.35).title("[Waterproof GTX|]").query("waterproof")
                                .bullet("Waterproof GORE-TEX membrane keeps feet dry [in puddles|through wet grass]")
                                .qa("{f}", "Are these waterproof?", "Will my feet stay dry in puddles?")
                                .explain("Waterproof trail shoes keep feet dry in wet grass and puddles, but run warmer and drain slowly once water comes over the top; in summer many runners prefer mesh that drains."),
                        number("weight", "g", 240, 360, 5, LOWER).title("{v}").bullet("Weighs {v} (men's US 9)")
                                .qa("They weigh about {v} each in a men's 9.", "How much do these weigh?", "How heavy are they?")
                                .explain("Trail shoes are heavier than road shoes; under 280 g feels light, over 320 g is usually a burly, protective shoe."),
                        choice("terrain", "mixed trails", "technical mountain trails", "mud and soft ground", "hardpack and gravel").query("for {v}")
                                .bullet("Designed for {v}").qa("They're made for {v}.", "What terrain are these best for?"),
                        flag("gaiter attachment", 0.4).thing("a gaiter attachment"))
                .aspects(Common.comfort(), Common.fit(),
                        new Aspect("grip").praise("Grip is [excellent|superb|confidence-inspiring] on [wet rock|loose gravel|muddy singletrack]; the {v:lug depth} lugs really bite.",
                                        "Never slipped once, even on [wet roots|steep muddy descents].",
                                        "Confident on [loose scree|wet slabs|greasy clay] where my old pair had me sliding.",
                                        "They [hook up|hold] on [steep climbs|off-camber sections] like nothing else I've run in.")
                                .complain("Grip on [wet rock|slick roots] was [sketchy|disappointing].",
                                        "The {v:lug depth} lugs [clog with|don't shed] mud.",
                                        "Slid around on [wet boardwalks|polished rock|muddy corners] more than I'd like.")
                                .bias(f -> f.num("lug depth") >= 5 ? 1 : 0)
                                .titles("+Grip for days", "+Sticks to everything", "-Slippery on wet rock"),
                        new Aspect("protection").praise("The rock plate saved my feet on a rocky descent.", "Great underfoot protection on sharp rocks.",
                                        "Thanks to the rock plate I can [bomb|run] [rocky|technical] descents without wincing.")
                                .complain("I could feel every sharp rock; {it} really need{s} a rock plate.", "Bruised my forefoot on a rocky trail.",
                                        "Without a rock plate, [technical|rocky] descents [hurt|were painful] after ten miles.")
                                .bias(f -> f.yes("rock plate") ? 1 : -1),
                        new Aspect("dry feet").praise("Kept my feet dry through [wet grass|puddles|a rainy 15 miles].")
                                .complain("Once water comes over the top they take forever to dry.")
                                .bias(f -> f.yes("waterproof") ? 0 : Aspect.SKIP),
                        new Aspect("drainage").praise("Mesh upper drains [fast|quickly] after creek crossings.")
                                .complain("My feet were soaked after the first puddle; these are not waterproof.")
                                .bias(f -> f.yes("waterproof") ? Aspect.SKIP : 0),
                        new Aspect("weight").praise("Light for a trail shoe at {v:weight}.")
                                .complain("At {v:weight} they feel heavy on the climbs.")
                                .bias(f -> f.num("weight") <= 275 ? 1 : f.num("weight") >= 315 ? -1 : Aspect.SKIP),
                        new Aspect("road feel").praise("Comfortable on the road section to the trailhead, too.")
                                .complain("The deep lugs feel squirmy on pavement.")
                                .bias(f -> f.num("lug depth") <= 4 ? 1 : f.num("lug depth") >= 5 ? -1 : 0))
                .uses("for trail runs", "for muddy winter trails", "for my first trail ultra", "for rocky mountain trails",
                        "for hiking and trail running", "for the local fell race")
                .qa(f -> f.num("lug depth") >= 5 ? "You can, but the {v:lug depth} lugs feel squirmy on asphalt and wear faster there."
                                : "The {v:lug depth} lugs are shallow enough that short road sections feel fine.",
                        "Can I wear these on pavement too?", "Are these ok on roads?", "How are these on the road to the trailhead?")
                .qa(f -> f.yes("waterproof") ? "Yes, they're waterproof, but water coming over the top stays in." : "They're not waterproof; the mesh drains quickly though.",
                        "Good for wet and muddy conditions?", "Will these keep my feet dry in streams?")
                .describe("The {brand} {model} is a trail shoe built for {v:terrain}, with {v:lug depth} lugs and a {v:drop} drop.",
                        "A [protective toe bumper|reinforced upper] and {v:cushioning} cushioning keep you comfortable on long days out.",
                        "At {v:weight} it [is light enough for racing|is a sturdy shoe for long, rough miles].")
                .guide("Trail shoes differ from road shoes in four ways: deeper lugs for grip on loose and muddy ground, a tougher upper, often a rock plate against sharp stones, and a slightly lower, more stable platform.",
                        "Match the lugs to your trails: shallow (3.5–4 mm) for dry hardpack and gravel paths, deep (5 mm and up) for mud and soft ground.",
                        "If your runs are mostly road with some gravel paths, a road shoe or a light trail shoe with shallow lugs is enough; deep lugs wear fast and feel unstable on asphalt.")
                .substitutes("Road Running Shoes").complements("Running Socks", "Hydration Vests", "GPS Running Watches").validate();
    }

    private static CategorySpec socks() {
        return CategorySpec.of("Running", "Running Accessories", "Running Socks").noun("socks", true).one("pack")
                .titleNoun("Running Socks (3 Pairs)").searchNames("running socks", "merino running socks", "blister socks")
                .brands(BRANDS).models("Blister Guard", "Cushion Crew", "No-Show", "Merino Trail", "Race Lite")
                .price(12, 36).share(0.8).usageUnit("runs")
                .attributes(
                        choice("material", "merino wool blend", "nylon and polyester", "bamboo blend").title("{v}").query("{v}")
                                .qa("They're a {v}.", "What material are these?")
                                .explain("Merino blends stay warm when wet and resist odour; synthetic socks dry fastest."),
                        choice("height", "no-show", "quarter", "crew").title("{v}").query("{v}"),
                        choice("cushion", "thin", "light", "medium", "heavy").qa("They have {v} cushioning.", "How thick are they?"),
                        number("pairs", "", 3, 3, 1, NEITHER))
                .aspects(Common.comfort(), Common.fit(),
                        new Aspect("blisters").praise("No blisters even on a [half marathon|20-miler].").complain("Gave me a blister on my first long run."),
                        new Aspect("durability").praise("Still no holes after {k} washes.").complain("Holes in the heel after a few weeks."))
                .uses("for long runs", "for trail races", "for daily running")
                .describe("{brand} {model} running socks are knit from {v:material} with {v:cushion} cushioning.")
                .guide("Good running socks prevent blisters: avoid cotton, choose a snug fit with no loose fabric, and match cushion to your shoes.")
                .complements("Road Running Shoes", "Trail Running Shoes").validate();
    }

    private static CategorySpec watches() {
        return CategorySpec.of("Running", "Running Accessories", "GPS Running Watches").noun("watch", false)
                .titleNoun("GPS Running Watch").searchNames("gps running watch", "running watch", "gps watch")
                .brands("Pacer Lab", "Kinetic", "Lumen Sports", "Orbit Wear", "Stridewell")
                .models("Forerunner", "Pulse", "Track", "Route", "Apex", "Vector")
                .price(90, 550).share(0.9).usageUnit("runs")
                .attributes(
                        number("GPS battery life", "hours", 10, 60, 2, HIGHER).title("{v} GPS Battery")
                                .bullet("Up to {v} of GPS tracking")
                                .qa("I get close to the advertised {v} with GPS on.", "How long does the battery last with GPS?")
                                .explain("GPS battery life matters for long races: 20 hours covers a marathon comfortably, ultras need 30 or more."),
                        flag("offline maps", 0.35).query("with maps").bullet("Offline maps with turn-by-turn navigation")
                                .qa("{f}", "Does it have maps?"),
                        flag("wrist heart rate", 0.95).thing("wrist heart rate tracking"),
                        number("water resistance", "m", 30, 100, 10, HIGHER).qa("It's rated to {v}.", "Can I swim with it?"),
                        number("weight", "g", 35, 80, 1, LOWER),
                        choice("display", "AMOLED", "memory-in-pixel"))
                .aspects(Common.easy(),
                        new Aspect("gps").praise("GPS locks on in seconds and tracks accurately.").complain("GPS drifts badly under trees."),
                        new Aspect("battery").praise("Battery life is [excellent|as advertised].").complain("Battery drains much faster than claimed.")
                                .bias(f -> f.num("GPS battery life") >= 30 ? 1 : 0),
                        new Aspect("app").praise("The app is clean and syncs quickly.").complain("The companion app is clunky and syncing fails often."))
                .uses("for marathon training", "for tracking my runs", "for trail races")
                .describe("The {brand} {model} tracks runs with GPS for up to {v:GPS battery life}, with wrist heart rate and a {v:display} screen.")
                .guide("Pick a running watch for battery life, GPS accuracy and an app you like; maps and music are extras worth paying for only if you use them.")
                .complements("Road Running Shoes", "Trail Running Shoes").validate();
    }

    private static CategorySpec vests() {
        return CategorySpec.of("Running", "Running Accessories", "Hydration Vests").noun("vest", false)
                .titleNoun("Running Hydration Vest").searchNames("hydration vest", "running vest", "trail running pack")
                .brands(BRANDS).models("Ultra", "Race Vest", "Skyline", "Long Haul", "Flask Pack")
                .price(45, 170).share(0.6).usageUnit("runs")
                .attributes(
                        number("capacity", "L", 3, 14, 1, NEITHER).title("{v}").bullet("{v} of storage for layers and food")
                                .qa("It holds about {v}.", "How much does it hold?")
                                .explain("5 L covers a half-day run; 10 L and up carries the mandatory kit for mountain ultras."),
                        flag("soft flasks included", 0.6).bullet("Two 500 ml soft flasks included").qa("{f}", "Are the flasks included?"),
                        number("weight", "g", 150, 400, 10, LOWER),
                        choice("sizes", "XS-S, M-L, XL", "one size adjustable"))
                .aspects(Common.fit(),
                        new Aspect("bounce").praise("No bounce at all, even when full.").complain("Bounces around once the flasks are full."),
                        new Aspect("pockets").praise("Front pockets are easy to reach on the move.").complain("Hard to reach the back pocket without stopping."))
                .uses("for long trail runs", "for my first ultra", "for mountain races")
                .describe("The {brand} {model} vest carries {v:capacity} of kit close to your body so it doesn't bounce.")
                .guide("A running vest should fit snugly like a shirt; try it with full flasks, because bounce only shows when it's loaded.")
                .complements("Trail Running Shoes").validate();
    }

    @Override
    public List<TopicGuide> topics() {
        return List.of(new TopicGuide("trail-vs-road-shoes", "Trail shoes or road running shoes?",
                List.of("Running", "Running Shoes"),
                List.of("Road running shoes are built for pavement, tracks and treadmills: shallow lugs around 1–2.5 mm, light breathable mesh and cushioning tuned for repeated impact on hard ground.",
                        "Trail running shoes add grip and protection: deeper lugs of 3.5–6 mm bite into mud and loose ground, tougher uppers resist rocks and roots, and many have a rock plate. They are usually heavier, and waterproof versions exist for wet seasons.",
                        "For paved paths and the occasional dry gravel track, a road shoe is fine. For muddy, rocky or steep trails, a trail shoe is safer. If you run a mix, a light trail shoe with shallow lugs (around 4 mm) handles both reasonably well.",
                        "Deep lugs wear quickly and feel unstable on asphalt, so do not use an aggressive mud shoe for road mileage."),
                List.of("Trail Running Shoes", "Road Running Shoes"),
                List.of("lug depth", "rock plate", "weight", "waterproof"),
                List.of("trail shoes or running shoes?", "Trail running shoes vs road running shoes: what's the difference?",
                        "do i need trail shoes for gravel paths", "Can I use road running shoes on trails?",
                        "whats the difference between trail and road shoes", "should I buy trail runners or road shoes for mixed terrain?")));
    }
}
