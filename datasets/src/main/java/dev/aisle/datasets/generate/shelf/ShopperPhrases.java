package dev.aisle.datasets.generate.shelf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * How shoppers search when they do not know the shop's words: a need or a use instead of the
 * category name ("something to keep my hands warm on the course" for Winter Golf Gloves) and a
 * wish put as an outcome instead of the attribute ("that keeps the rain out" for waterproof).
 * Templates use the shelves' language ({@code [a|b]} alternatives, an empty alternative makes a
 * part optional). A need never uses a word of its category's name, title noun or search names
 * (a test holds every template to that), so only a ranker that understands the request finds the
 * shelf; a wish says which products fit it, so judgments stay right by construction.
 */
public final class ShopperPhrases {

    /** A wish put in the shopper's words, and the products that fulfil it. */
    public record Wish(String template, Predicate<Facts> fits) {
    }

    private static final Map<String, List<String>> NEEDS = new LinkedHashMap<>();
    private static final Map<String, List<Wish>> WISHES = new LinkedHashMap<>();

    private ShopperPhrases() {
    }

    /** Paraphrase templates for a leaf category; empty when the table has none. */
    public static List<String> needs(String leaf) {
        return NEEDS.getOrDefault(leaf, List.of());
    }

    /** Wishes shoppers voice for a leaf category in their own words; empty when none. */
    public static List<Wish> wishes(String leaf) {
        return WISHES.getOrDefault(leaf, List.of());
    }

    /** Words that carry no category meaning ("for", "my"), so sharing them gives nothing away. */
    private static final Set<String> GLUE = Set.of("a", "an", "the", "for", "with", "of", "to", "in", "on", "and", "or",
            "off", "my", "i", "it", "at", "that", "s");

    /** Lower-case words of a text, plurals folded ("gloves" → "glove"), glue words dropped. */
    public static Set<String> words(String text) {
        Set<String> out = new java.util.HashSet<>();
        for (String w : text.toLowerCase(java.util.Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.isEmpty() || GLUE.contains(w)) {
                continue;
            }
            out.add(w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.substring(0, w.length() - 1) : w);
        }
        return out;
    }

    /** The words the shop uses for a category: its leaf name, its title noun and its search names. */
    public static Set<String> categoryWords(CategorySpec spec) {
        Set<String> out = new java.util.HashSet<>(words(spec.leaf()));
        out.addAll(words(spec.titleNoun()));
        spec.searchNames().forEach(n -> out.addAll(words(n)));
        return out;
    }

    /** True when a query uses none of its category's own words: a paraphrase the keyword index cannot match by name. */
    public static boolean paraphrases(String query, CategorySpec spec) {
        Set<String> shared = words(query);
        shared.retainAll(categoryWords(spec));
        return shared.isEmpty();
    }

    /** Every leaf with needs, for tests. */
    public static Set<String> leaves() {
        return NEEDS.keySet();
    }

    private static void needs(String leaf, String... templates) {
        NEEDS.put(leaf, List.of(templates));
    }

    private static void wish(String leaf, String template, Predicate<Facts> fits) {
        WISHES.computeIfAbsent(leaf, k -> new ArrayList<>()).add(new Wish(template, fits));
    }

    private static Predicate<Facts> yes(String attribute) {
        return f -> f.yes(attribute);
    }

    private static Predicate<Facts> is(String attribute, String... values) {
        Set<String> set = Set.of(values);
        return f -> set.contains(f.text(attribute));
    }

    private static Predicate<Facts> atLeast(String attribute, double min) {
        return f -> f.num(attribute) >= min;
    }

    private static Predicate<Facts> atMost(String attribute, double max) {
        return f -> f.num(attribute) <= max;
    }

    private static final String DRY = "[that keeps the rain out|that can handle a downpour|that stays dry inside in the rain|for soggy wet days]";

    static {
        // Golf
        needs("Golf Balls", "[something|stuff] to hit off the tee[ for my weekly round|]", "dimpled [spheres|ones] for the course",
                "[a box of|a sleeve of|] [replacements|spares] for the ones i lose in the water [hazard|hazards] on the links",
                "what to [tee up|putt with] on the links");
        wish("Golf Balls", "with [lots of|more] spin [around the greens|on chips|on my wedges]", is("cover", "urethane"));
        needs("Winter Golf Balls", "[something|what] to [tee up|play] [when it is|in] [freezing|frosty|near freezing] [on the links|on the course]",
                "[dimpled|bright] [ones|spheres] that still fly far [in december|on frosty mornings|when it is near freezing]",
                "[softer|squishy] tee [shots|ammo] for [january|frosty] [rounds|mornings] on the links");
        needs("Golf Gloves", "[something|what] to wear on my lead hand [so the club does not twist|for a better grip on the club]",
                "[grippy|tacky] hand cover for [my swing|the links|the driving range]",
                "[hand|palm] cover for a [firmer|tackier] hold on the club [at the range|on the course]");
        wish("Golf Gloves", "that [still grips|won't slip|stays tacky] when it [is humid|gets damp|drizzles]", yes("all-weather grip"));
        needs("Winter Golf Gloves", "[something|what] to keep my [hands|fingers] warm on the [course|links][ in december| in january| on frosty mornings|]",
                "[my|] fingers go numb [playing|on the course] [in november|in the frost|every december round][, help|]",
                "[mitts|hand warmers i can swing in] for [frosty|freezing|icy] tee times");
        wish("Winter Golf Gloves", DRY, yes("waterproof"));
        wish("Winter Golf Gloves", "that [let me|i can] use my phone [with them on|without taking them off]", yes("touchscreen fingertips"));
        needs("Thermal Base Layers", "[something|what] to wear under my polo [in the cold|when it is freezing|on frosty mornings][ on the course|]",
                "[warm|thin warm] [undershirt|long sleeve top] for [freezing|frosty|icy] [rounds|tee times]",
                "[long johns|first garment] top that keeps my core warm on the links");
        wish("Thermal Base Layers", "[in wool|made of wool|woolly ones] that [don't|won't] [itch|smell]", is("material", "merino wool", "merino and polyester blend"));
        needs("Golf Rain Jackets", "[what to|something to] wear on the [course|links] when it [pours|is pouring|drizzles] [all day|]",
                "[shell|outer layer] to keep me dry on the back nine",
                "[a|] [storm|wet weather] [top|coat] i can swing in on the links");
        wish("Golf Rain Jackets", "that [doesn't rustle|isn't noisy|stays quiet] [when i swing|at the top of my backswing]", yes("quiet fabric"));
        wish("Golf Rain Jackets", "that [folds|stuffs|packs] [down small|into its own pocket] for [my|the] [cart|trolley]", yes("packable"));
        needs("Golf Shoes", "[footwear|something to wear on my feet] for walking eighteen holes",
                "[cleats|spikes] for the [course|links] that grip on wet grass",
                "[comfortable|sturdy] [footwear|kicks] [to play eighteen|for the links|for my weekly round]");
        wish("Golf Shoes", DRY, yes("waterproof"));
        wish("Golf Shoes", "i can wear [off the course|into the clubhouse|to the bar after] [without cleats|with no cleats|]", is("sole", "spikeless"));
        needs("Golf Bags", "[something|what] to carry my clubs [around the course|on the links|in]",
                "[a place|somewhere] to [keep|store|haul] my [irons and woods|clubs and balls]",
                "club [carrier|holder] for [walking|playing] eighteen holes");
        wish("Golf Bags", "that [straps|fits] onto a [push cart|trolley|buggy]", is("type", "cart bag"));
        wish("Golf Bags", "with legs that [pop out|fold out] so it [stands|stays upright] on its own", is("type", "stand bag"));
        wish("Golf Bags", DRY, yes("waterproof"));
        needs("Golf Rangefinders", "[gadget|device] that tells me how far [it is|] to the [flag|pin|green]",
                "[measure|check] [yardage|distance] to the pin[ before every shot| on the course|]",
                "[scope|optic] to [zap|check] the yardage to the flag");
        wish("Golf Rangefinders", "that [accounts|adjusts|compensates] for [hills|uphill and downhill shots|elevation]", yes("slope"));

        // Running
        needs("Road Running Shoes", "[trainers|kicks] for [pounding the pavement|my daily jog on tarmac|city jogs on asphalt]",
                "[footwear|trainers] for [a marathon|a half marathon|my first 10k] on [tarmac|pavement|city streets]",
                "[cushioned|comfy] [footwear|trainers] for jogging on [the treadmill|asphalt|pavement]");
        wish("Road Running Shoes", "for [overpronation|flat feet|feet that roll inward]", is("support", "stability"));
        wish("Road Running Shoes", "with a [stiff|springy] plate for race day", yes("carbon plate"));
        wish("Road Running Shoes", "[as soft as possible|with as much softness as possible|that feel like pillows]", is("cushioning", "plush", "max"));
        needs("Trail Running Shoes", "[footwear|trainers] for [muddy|rocky|rooty] [mountain paths|forest paths|fell races]",
                "[grippy|lugged] [trainers|footwear] for [jogging|racing] [in the mountains|on dirt paths|through the woods]",
                "what to wear on my feet for [a mountain ultra|forest jogs|muddy hill races]");
        wish("Trail Running Shoes", "that [stop|stops] [sharp rocks|stones] [bruising|poking] my [feet|soles]", yes("rock plate"));
        wish("Trail Running Shoes", DRY, yes("waterproof"));
        wish("Trail Running Shoes", "for [boggy|muddy|sloppy] [ground|fells|paths]", is("terrain", "mud and soft ground"));
        needs("Running Socks", "[something|what] to wear [on my feet|inside my trainers] [to stop|that prevents] [chafing|rubbing] on long jogs",
                "[anti chafe|cushioned] [foot covers|footwear liners] for marathon training",
                "[what|something] to stop [my toes|my heels] rubbing [on long jogs|in a marathon]");
        wish("Running Socks", "[in wool|made of wool|woolly ones] that [don't|won't] [stink|smell]", is("material", "merino wool blend"));
        wish("Running Socks", "[invisible|that don't show|hidden] above the [trainer|shoe]", is("height", "no-show"));
        needs("GPS Running Watches", "[something|a gadget] on my wrist [that tracks|to track] my [pace and distance|splits|mileage] [on jogs|on my runs|]",
                "[wearable|tracker] that [records|logs] [my route|pace per mile] [while i jog|on long runs]",
                "[device|wrist computer] [for marathon training|to pace my long runs]");
        wish("GPS Running Watches", "that [shows|can show] [a map|maps] [so i don't get lost|of the route|on the wrist]", yes("offline maps"));
        needs("Hydration Vests", "[something|a way] to carry water [on long jogs|in an ultra|on mountain runs]",
                "[backpack|harness] [with bottles|for water and gels] for [an ultra|long mountain jogs|racing fells]",
                "[how to|way to] [carry|bring] [drinks|gels and water] on a [marathon|50k|long] jog");
        wish("Hydration Vests", "that comes with [bottles|soft bottles|drink bottles] in the box", yes("soft flasks included"));

        // Outdoors
        needs("Hiking Boots", "[footwear|something sturdy] for [the mountains|rocky paths|long walks in the hills]",
                "[sturdy|supportive] [footwear|lace ups] for [hillwalking|backpacking trips|the appalachian trail]",
                "[what to wear on my feet|footwear] for [scrambling|fell rambles|a week in the alps]");
        wish("Hiking Boots", DRY, yes("waterproof"));
        wish("Hiking Boots", "with [good|strong|proper] ankle support", is("cut", "mid", "high"));
        needs("Hiking Backpacks", "[something|a bag] to carry [water|snacks and a jacket|my gear] [on the trail|in the mountains|up a peak]",
                "[sack|carryall] with hip belt for [hillwalking|long treks|summit days]",
                "[what to|something to] [haul|carry] [my gear|a sleeping bag and food] [on a multi day trek|up the mountain]");
        wish("Hiking Backpacks", "that comes with [a cover|something] to keep [it|my gear] dry in a downpour", yes("rain cover included"));
        wish("Hiking Backpacks", "big enough for [a week|several nights|multi day trips] [in the backcountry|on the trail]", atLeast("capacity", 50));
        needs("Tents", "[somewhere|something] to sleep [in the woods|at the campsite|under the stars] [when it rains|that keeps the bugs out|]",
                "[shelter|a place to sleep] for a [weekend|night] [at the campsite|in the backcountry|at a festival]",
                "[portable|lightweight] shelter for [sleeping outdoors|overnight trips|the campsite]");
        wish("Tents", "[roomy enough|with room] for a family of [four|five]", atLeast("capacity", 4));
        wish("Tents", "that [holds up|survives] in [snow|winter storms|high winds in winter]", is("season rating", "4-season"));
        needs("Sleeping Bags", "[something|what] to keep me warm [at night|overnight] [at the campsite|in the backcountry|under the stars]",
                "[warm|cosy] [mummy|bedroll|cocoon] for [nights outdoors|overnight hikes|the campsite]",
                "[what|something] to [sleep|snooze] in [on a campout|at the campsite|on a cold night outdoors]");
        wish("Sleeping Bags", "for [winter|below freezing|frosty] nights", atMost("comfort temperature", 20));
        wish("Sleeping Bags", "[stuffed with|filled with] [feathers|duck feathers|goose feathers]", is("fill", "down"));
        needs("Headlamps", "[light|lamp] [i can wear on my forehead|strapped to my forehead] [for night hikes|at the campsite|in the dark]",
                "[hands free|forehead] [light|flashlight] for [night running|caving|the campsite]",
                "[something|a way] to see [in the dark|at night] with both hands free");
        wish("Headlamps", "[i can charge|that charges] over usb[ instead of batteries|]", yes("rechargeable"));
        wish("Headlamps", "that [won't|doesn't] [blind|wake] [my tent mates|everyone] at night", yes("red light mode"));
        needs("Trekking Poles", "[sticks|two sticks] to [save my knees|help] on steep [descents|downhills]",
                "[sticks|staffs] for [hillwalking|steep mountain paths|the camino]",
                "[what|something] to lean on [going downhill|on steep descents] [in the mountains|]");
        wish("Trekking Poles", "that [collapse|fold] small enough for [a suitcase|my backpack]", yes("foldable"));

        // Toys & Games
        needs("Dinosaur Toys", "[prehistoric|jurassic] [creatures|beasts] to play with",
                "[a|] [jurassic|prehistoric] [gift|present] for a kid obsessed with [raptors|triceratops|the jurassic period]",
                "[triceratops|stegosaurus|raptor] [figurines|models] for [kids|a kid|my son|my daughter]");
        wish("Dinosaur Toys", "that [walks and roars|stomps and roars|moves and roars]", is("type", "walking roaring T-Rex"));
        wish("Dinosaur Toys", "where [they|kids] dig [out|up] [bones|skeletons|fossils]", is("type", "dig kit"));
        needs("Building Sets", "[pieces|parts] that [snap|click] together to [make|build] things",
                "[creative|interlocking] [parts|pieces] [gift|present] for a [budding engineer|kid who loves to make things]",
                "[something|stuff] to [build|make] [castles|spaceships|cars] with");
        wish("Building Sets", "with [hundreds|loads] of pieces for a [long|rainy] weekend project", atLeast("pieces", 800));
        needs("Board Games", "[something|what] to play around the table on [a rainy day|a friday night|the holidays]",
                "[tabletop|parlour] [fun|entertainment] for [a rainy weekend|the holidays|a night in]",
                "[fun|entertainment] for [everyone|grandparents and grandkids] around the dining table[ on a rainy day|]");
        wish("Board Games", "where [everyone|we all] [plays together|wins or loses together|works as a team]", is("type", "cooperative"));
        wish("Board Games", "[with|full of] [quiz|general knowledge] questions", is("type", "trivia"));
        wish("Board Games", "for a [big group|houseful] of [friends|guests] at a [party|get together]", is("type", "party"));
        needs("Plush Toys", "[something|a] [cuddly|fluffy and huggable] [friend|buddy] for [bedtime|naps|a baby shower gift]",
                "[huggable|squishy] [critter|companion] to [sleep with|cuddle at night]",
                "[cuddly|snuggly] [bedtime buddy|companion] for a [toddler|little one]");
        wish("Plush Toys", "i can [throw|put] in the washing machine", yes("machine washable"));
        needs("Science Kits", "[projects|chemistry tricks] to do at home [with my son|with my daughter|on a rainy day]",
                "[educational|hands on] [gift|present] for a [budding scientist|curious child|future engineer]",
                "[box|bundle] of [projects|lab activities] that teaches [chemistry|physics|how things work] at home");
        wish("Science Kits", "where [kids|they] [build|program] a [robot|little robot]", is("topic", "robotics"));
        wish("Science Kits", "to grow [gems|crystals|geodes]", is("topic", "crystals"));
        wish("Science Kits", "with [fizzing|bubbling] [reactions|potions|experiments]", is("topic", "chemistry"));
        needs("Remote Control Cars", "[vehicle|buggy] [my son|my daughter] can drive with a [controller|handset]",
                "[buggy|dune buggy] that races around the [yard|garden|park] with a [handheld controller|joystick]",
                "[radio guided|zippy] [buggy|dune buggy] for the [backyard|park]");
        wish("Remote Control Cars", "that goes [really|super|crazy] fast", atLeast("top speed", 20));
        wish("Remote Control Cars", "that can [drive through|handle] [puddles|mud and water|snow]", yes("waterproof"));

        // Kitchen
        needs("Chef's Knives", "[something|a blade] to [dice onions|slice vegetables|cut meat] [for dinner|at home|]",
                "[sharp|good] [blade|cutter] for [chopping|dicing] [vegetables|onions|herbs] at home",
                "[what|something] to chop [veggies|onions|garlic] with[ that stays sharp|]");
        wish("Chef's Knives", "i can [put|throw] in the dishwasher", yes("dishwasher safe"));
        needs("Nonstick Frying Pans", "[something|what] to [fry|cook] eggs in [without them sticking|so they slide right out]",
                "[griddle|cookware] for [omelettes|pancakes|crepes] that [releases easily|nothing clings to]",
                "[what|something] to [cook|flip] pancakes [in|on] without them sticking");
        wish("Nonstick Frying Pans", "without [forever chemicals|teflon]", is("coating", "ceramic", "PFAS-free ceramic"));
        wish("Nonstick Frying Pans", "that works on [an|my] induction [hob|cooktop|stove]", yes("induction compatible"));
        needs("Coffee Makers", "[something|an appliance] to [brew|make] my morning [cup|pot|brew] [at home|in the kitchen|]",
                "[how to|way to] [make|brew] [a good|a fresh] cup of joe at home",
                "[appliance|gadget] for my morning [caffeine|cup of joe|brew]");
        wish("Coffee Makers", "for [lattes|cappuccinos|flat whites] at home", is("type", "espresso"));
        wish("Coffee Makers", "that makes one cup at a time [from pods|]", is("type", "single-serve"));
        wish("Coffee Makers", "[i can set|with a timer] so it is ready when i wake up", yes("programmable"));
        wish("Coffee Makers", "that keeps the pot hot for hours without a hot plate", yes("thermal carafe"));
        needs("Blenders", "[something|an appliance] to make [protein shakes|frozen margaritas|fruit shakes] [at home|in the morning]",
                "[appliance|machine] that [purees|whizzes up] [soups|fruit|shakes]",
                "[what|something] to [blitz|puree|whizz] fruit [for breakfast|into shakes]");
        wish("Blenders", "that can [crush ice|handle ice|handle frozen fruit]", yes("ice crushing"));
        needs("Air Fryers", "[something|a gadget] to make [crispy|crunchy] [fries|wings|chicken] without [a vat of oil|all the oil]",
                "[healthier|oil free] [way|appliance] to [crisp|cook] [wings|chips|nuggets]",
                "[countertop|benchtop] [cooker|gadget] for [crispy chips|wings|reheating pizza] with little oil");
        wish("Air Fryers", "big enough for a family of [four|five|six]", atLeast("capacity", 6));
        wish("Air Fryers", "that cooks two things at once", yes("dual basket"));

        // Electronics
        needs("Over-Ear Headphones", "[something|cans] to listen to music on [the plane|my commute|long flights]",
                "[cans|earmuffs for music] [for|to use on] [long flights|the train|the office]",
                "[comfy|big] [cans|audio gear] for [music|podcasts] [at home|on flights]");
        wish("Over-Ear Headphones", "that [shut|block|drown] out [the plane engine|office chatter|traffic noise]", yes("noise cancelling"));
        wish("Over-Ear Headphones", "that [connect to|pair with] my phone and laptop at [once|the same time]", yes("multipoint"));
        needs("Wireless Earbuds", "[tiny|small] [in ear|cordless] [buds|listening gear] for the gym",
                "[something|what] to listen to [podcasts|music] [on my jog|at the gym] [without cables|with no cord|]",
                "[cordless|tiny] [in ear|] [audio|listening gear] [that fit in my pocket|for my commute]");
        wish("Wireless Earbuds", "that [won't|don't] fall out [when i jog|during workouts]", yes("ear hooks"));
        wish("Wireless Earbuds", "that [shut|block|drown] out [the train|office chatter|traffic noise]", yes("noise cancelling"));
        needs("Bluetooth Speakers", "[something|a gadget] to play music [at the beach|by the pool|at a picnic|at a barbecue]",
                "[loud|small] [boombox|music box] for [the beach|camping|the backyard] [that connects to my phone|]",
                "[a way|something] to [blast|play] [tunes|music] [outdoors|at the pool] from my phone");
        wish("Bluetooth Speakers", "that [survives|can survive] [being dropped in|a dunk in] the pool", is("water resistance", "IP67"));
        needs("Portable Power Banks", "[something|a gadget] to [charge|top up] my phone [on the go|when traveling|at festivals]",
                "[backup|spare] juice for my phone [on a trip|at festivals|on flights]",
                "[how to|way to] keep my phone [alive|from dying] [on a long trip|at a festival|while camping]");
        wish("Portable Power Banks", "that can [refill|recharge] my phone [four|several|a few] times over", atLeast("capacity", 20000));

        // Home
        needs("Bed Pillows", "[something|what] to rest my head on [at night|when i sleep] [for a better sleep|that won't go flat|]",
                "[head|neck] support for sleeping [at night|better]",
                "[what|something] to sleep on [to stop|for] [neck pain|a stiff neck] in the morning");
        wish("Bed Pillows", "for [a side sleeper|side sleepers|people who sleep on their side]", is("sleep position", "side", "back and side"));
        wish("Bed Pillows", "i can [throw|put] in the washing machine", yes("machine washable"));
        needs("Bed Sheets", "[linens|bedding] that [feel|are] soft [to sleep on|at night]",
                "[something|bedding] to cover my mattress [that stays put|that feels cool|]",
                "[bedding|linens] [for the guest room|for my mattress] [that washes well|that gets softer with washing|]");
        wish("Bed Sheets", "that [stay|feel] cool for [hot sleepers|people who sleep hot|night sweats]", is("material", "cotton percale", "bamboo lyocell", "linen"));
        needs("Robot Vacuums", "[something|a gadget] that [cleans|sweeps] the [floors|house] [by itself|on its own|while i'm at work]",
                "[automatic|driverless] [floor cleaner|sweeper] for [shedding fur|crumbs|dust bunnies]",
                "[a way|something] to keep the floors clean [without lifting a finger|while i'm out]");
        wish("Robot Vacuums", "that empties itself", yes("self-emptying"));
        wish("Robot Vacuums", "that [also|can also] [washes|scrubs] the floor", yes("mopping"));
        wish("Robot Vacuums", "that [maps|learns] [the|my] [house|rooms] [and doesn't bump around|instead of bumping around]", is("navigation", "lidar mapping", "camera mapping"));
        needs("Desk Lamps", "[light|something bright] for my [study table|home office|workspace] [for late nights|]",
                "[something|what] to [light up|brighten] my [workspace|study corner|home office] [at night|]",
                "[task|study] light [for late night homework|for working late|for books at my workspace]");
        wish("Desk Lamps", "with [warm and cool|warm and daylight] light settings", yes("adjustable color temperature"));
        wish("Desk Lamps", "[that can|to] charge my phone [while i work|too]", yes("USB charging port"));
        needs("Air Purifiers", "[something|a gadget] to [clean|filter] the [indoor|bedroom] atmosphere [at home|in the nursery|]",
                "[a way|something] to [get rid of|remove] [dust|pollen|wildfire smoke|pet dander] [in|from] the [house|bedroom]",
                "[gadget|appliance] that helps with [hay fever|asthma|sneezing] [indoors|at night]");
        wish("Air Purifiers", "for a [big|large|open plan] living room", atLeast("room size", 500));

        // Pet Supplies
        needs("Dog Beds", "[somewhere|something] [comfy|cosy] for my [pup|puppy|labrador] to sleep",
                "[cushion|mattress] for my [old|senior|arthritic] [pup|labrador|retriever] to sleep on",
                "[a spot|somewhere] for my [pup|pooch] to [nap|rest|curl up] [in the living room|by the fire]");
        wish("Dog Beds", "[with a cover|whose cover] i can [wash|throw in the washing machine]", yes("removable washable cover"));
        needs("Dry Dog Food", "[kibble|meals|dinner] for my [pup|labrador|pooch] [every day|]",
                "[what|something] to feed my [pup|pooch|labrador] [every day|for dinner]",
                "[healthy|nutritious] [kibble|chow] for my [pup|pooch]");
        wish("Dry Dog Food", "for my new [puppy|pup]", is("life stage", "puppies", "all life stages"));
        wish("Dry Dog Food", "for my [old|elderly|aging] [pup|pooch|labrador]", is("life stage", "senior dogs", "all life stages"));
        wish("Dry Dog Food", "with no [wheat or corn|grains]", yes("grain free"));
        needs("Dog Chew Toys", "[something|stuff] for my [pup|pooch] to [gnaw on|chomp|chomp on] [so it leaves my shoes alone|]",
                "[something|what] to keep my [teething puppy|pup|pooch] busy [chewing|gnawing]",
                "[gnaw|bone shaped] [thing|stick] that survives my [pup|pooch|labrador]");
        wish("Dog Chew Toys", "for a [pup|pooch] that destroys everything", is("chewer type", "power chewers"));
        wish("Dog Chew Toys", "that i can stuff with [treats|kibble|peanut butter]", yes("treat dispensing"));
        needs("Cat Toys", "[something|stuff] to keep my [kitten|kitty] [busy|entertained] [while i'm at work|indoors]",
                "[fun|games] for an indoor [kitten|kitty] [that's bored|with too much energy]",
                "[a way|something] to [tire out|exercise] my [kitten|kitty]");
        wish("Cat Toys", "[with feathers on a stick|a feather on a stick] to [chase|swat]", is("type", "wand"));
        wish("Cat Toys", "that makes my [kitty|kitten] work for [her|his] food", is("type", "puzzle feeder"));
        wish("Cat Toys", "[filled|stuffed] with the herb [felines|kitties] go crazy for", yes("catnip"));
        needs("Dog Leashes", "[something|a lead] to [walk|hold] my [pup|pooch|labrador] [on walks|in the park]",
                "[lead|rope] for [walking|taking out] my [pup|pooch] [around the block|on the sidewalk]",
                "[something|what] to keep my [pup|pooch] [close|under control] on [walks|the sidewalk]");
        wish("Dog Leashes", "that [extends|reels out] and [reels|pulls] back in", is("type", "retractable"));
        wish("Dog Leashes", "i can [clip|wear] [around my waist|on my belt] while i jog", is("type", "hands-free"));
        wish("Dog Leashes", "[that shows up|visible] [at night|in car headlights]", yes("reflective"));

        // Fitness
        needs("Yoga Mats", "[something|a pad] to [stretch|do pilates|practice] on [at home|on the floor|in class]",
                "[cushion|padding] for [pilates|stretching|floor workouts] [on a hard floor|at home]",
                "[what|something] to put on the floor for [stretching|pilates|downward dog]");
        wish("Yoga Mats", "[extra|really] [cushy|padded] for [sore|bad] knees", atLeast("thickness", 6));
        needs("Adjustable Dumbbells", "[free iron|hand iron] for [lifting|curls] in my [garage gym|apartment|spare room]",
                "[something|gear] to [lift|do curls and presses] in my flat [without a full rack|in a small space]",
                "[iron|plates] [i can change|that change] [quickly|with a dial] for my [garage gym|spare room]");
        wish("Adjustable Dumbbells", "that [come|comes] with a stand", yes("stand included"));
        needs("Resistance Bands", "[stretchy|elastic] [straps|cords] for [working out|physio|strength work] at home",
                "[elastic|rubber] [straps|cords] for [physio|rehab|glute workouts] [when traveling|at home]",
                "[portable|light] [workout gear|gym kit] [to pack for|i can take on] [trips|travel]");
        wish("Resistance Bands", "with handles [like a cable machine|to grip]", is("type", "tube bands with handles"));
        wish("Resistance Bands", "[with|that come with] [something|an anchor] to [attach|hook] them to a door", yes("door anchor included"));
    }
}
