package dev.aisle.datasets.generate.shelf;

import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.HIGHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.LOWER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.NEITHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.choice;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.flag;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.number;

import java.util.List;

/** Home: bedroom, cleaning and lighting. */
final class HomeShelf implements Shelf {

    private static final String[] BRANDS = {"Restwell", "Cozy Nest", "Brightroom", "Hearth & Home", "Linenry", "Tidy Bot"};

    @Override
    public List<CategorySpec> categories() {
        return List.of(pillows(), sheets(), vacuums(), lamps(), purifiers());
    }

    private static CategorySpec pillows() {
        return CategorySpec.of("Home", "Bedding", "Bed Pillows").noun("pillow", false).titleNoun("Bed Pillow")
                .searchNames("pillow", "bed pillow", "bed pillows", "pillows")
                .brands(BRANDS).models("Cloud", "Contour", "Cool Touch", "Hotel Luxe", "Side Sleeper")
                .price(18, 120).share(1).usageUnit("nights")
                .attributes(
                        choice("fill", "shredded memory foam", "down alternative", "goose down", "solid memory foam").query("{v}")
                                .qa("It's filled with {v}.", "What's the filling?")
                                .explain("Shredded foam lets you adjust loft; down is soft and squashy; solid foam holds its shape."),
                        choice("firmness", "soft", "medium", "firm").query("{v}").qa("It's {v}.", "Is it firm or soft?")
                                .explain("Side sleepers need a higher, firmer pillow; stomach sleepers a soft, thin one."),
                        choice("sleep position", "side", "back and side", "stomach", "all positions"),
                        flag("adjustable", 0.35),
                        flag("machine washable", 0.6).qa("{f}", "Can I wash it?"))
                .aspects(Common.comfort(),
                        new Aspect("support").praise("My neck pain is gone.").complain("Woke up with a stiff neck every day."),
                        new Aspect("cooling").praise("Stays cool all night.").complain("Sleeps hot."),
                        new Aspect("smell").praise("No chemical smell at all.").complain("Strong chemical smell for a week."))
                .uses("for side sleeping", "for the guest room", "for neck pain")
                .describe("The {brand} {model} is a {v:firmness} pillow filled with {v:fill}, made for {v:sleep position} sleepers.")
                .guide("Choose a pillow by sleep position first, then fill: the right height keeps your neck in line with your spine.")
                .complements("Bed Sheets").validate();
    }

    private static CategorySpec sheets() {
        return CategorySpec.of("Home", "Bedding", "Bed Sheets").noun("sheets", true).one("set").titleNoun("Bed Sheet Set")
                .searchNames("bed sheets", "sheet set", "cotton sheets", "queen sheets")
                .brands(BRANDS).models("Percale", "Sateen", "Linen Blend", "Bamboo", "Everyday")
                .price(25, 180).share(1).usageUnit("washes")
                .attributes(
                        choice("material", "cotton percale", "cotton sateen", "bamboo lyocell", "linen", "microfiber").query("{v}")
                                .qa("They're {v}.", "What material are they?")
                                .explain("Percale is crisp and cool; sateen is silky and warmer; linen breathes best; microfiber is cheap but can sleep hot."),
                        number("thread count", "", 200, 800, 100, NEITHER).qa("Thread count is {n}.", "What's the thread count?")
                                .explain("Thread count above about 400 adds little; fibre quality and weave matter more."),
                        choice("size", "Twin", "Full", "Queen", "King").query("{v}"),
                        number("pocket depth", "inches", 12, 18, 1, HIGHER).qa("Deep pockets fit mattresses up to {v}.", "Will they fit a deep mattress?"))
                .aspects(Common.comfort(),
                        new Aspect("softness").praise("Get softer with every wash.").complain("Scratchy even after washing."),
                        new Aspect("pilling").praise("No pilling after months.").complain("Pilled after a few washes."),
                        new Aspect("fit").praise("Fitted sheet stays put on our thick mattress.").complain("Fitted sheet keeps popping off the corners."))
                .uses("for our bedroom", "for hot summer nights", "for the guest bed")
                .describe("The {brand} {model} set is woven from {v:material} with {v:pocket depth} deep pockets.")
                .guide("Pick the weave for how you sleep (hot sleepers: percale or linen) and measure your mattress depth before buying.")
                .complements("Bed Pillows").validate();
    }

    private static CategorySpec vacuums() {
        return CategorySpec.of("Home", "Cleaning", "Robot Vacuums").noun("robot vacuum", false).titleNoun("Robot Vacuum")
                .searchNames("robot vacuum", "robot vacuum for pet hair", "self emptying robot vacuum")
                .brands("Tidy Bot", "Cleanwise", "Dustless", "Brightroom").models("S7", "Roam", "Max", "Clean 900", "Mop Duo")
                .price(140, 900).share(1).usageUnit("weeks")
                .attributes(
                        number("suction", "Pa", 1500, 8000, 500, HIGHER).title("{v} Suction").qa("It's rated {v}.", "How strong is the suction?")
                                .explain("Suction above about 4,000 Pa makes a visible difference on carpets and pet hair."),
                        number("run time", "minutes", 90, 240, 10, HIGHER).qa("About {v} on one charge.", "How long does it run?"),
                        flag("self-emptying", 0.4).query("self emptying").qa("{f}", "Does it empty itself?"),
                        flag("mopping", 0.4).thing("a mopping function").query("with mop"),
                        choice("navigation", "lidar mapping", "camera mapping", "random bounce")
                                .explain("Lidar or camera mapping cleans in neat rows and lets you set no-go zones; random-bounce robots miss spots."))
                .aspects(Common.easy(),
                        new Aspect("pet hair").praise("Picks up all the dog hair.").complain("Tangles on long hair constantly."),
                        new Aspect("navigation").praise("Maps the house and never gets stuck.").complain("Gets stuck under the couch every day.")
                                .bias(f -> "random bounce".equals(f.text("navigation")) ? -1 : 0),
                        new Aspect("app").praise("The app is simple and reliable.").complain("The app keeps losing the map."))
                .uses("for a house with two dogs", "for our apartment", "to keep up with pet hair")
                .describe("The {brand} {model} robot vacuum uses {v:navigation} and {v:suction} of suction.")
                .guide("Mapping navigation, strong suction and a self-emptying base are what make a robot vacuum genuinely hands-off.")
                .validate();
    }

    private static CategorySpec lamps() {
        return CategorySpec.of("Home", "Lighting", "Desk Lamps").noun("lamp", false).titleNoun("LED Desk Lamp")
                .searchNames("desk lamp", "led desk lamp", "reading lamp")
                .brands(BRANDS).models("Focus", "Arc", "Study", "Glow", "Task Pro")
                .price(18, 110).share(0.8).usageUnit("months")
                .attributes(
                        number("brightness", "lumens", 300, 1200, 100, HIGHER).qa("Max brightness is {v}.", "How bright is it?"),
                        flag("adjustable color temperature", 0.7).thing("adjustable color temperature").query("adjustable color"),
                        flag("USB charging port", 0.5).thing("a USB charging port").query("with usb port"),
                        number("power", "W", 5, 15, 1, NEITHER))
                .aspects(Common.build(),
                        new Aspect("light").praise("Even, flicker-free light.").complain("Noticeable flicker on low settings."),
                        new Aspect("controls").praise("Touch controls are easy.").complain("Touch controls are too sensitive."))
                .uses("for my home office", "for reading", "for homework")
                .describe("The {brand} {model} desk lamp gives up to {v:brightness} of flicker-free light.")
                .guide("For long desk sessions look for flicker-free LEDs, adjustable colour temperature and an arm that reaches across your desk.")
                .validate();
    }

    private static CategorySpec purifiers() {
        return CategorySpec.of("Home", "Air Quality", "Air Purifiers").noun("air purifier", false).titleNoun("HEPA Air Purifier")
                .searchNames("air purifier", "hepa air purifier", "air purifier for allergies")
                .brands("Clearbreath", "Puraire", "Brightroom", "Cozy Nest").models("Pure 200", "Allergy Pro", "Quiet Air", "Max Room")
                .price(60, 450).share(0.8).usageUnit("months")
                .attributes(
                        number("room size", "sq ft", 200, 1200, 50, HIGHER).title("Up to {v}").qa("It's rated for rooms up to {v}.", "How big a room does it cover?")
                                .explain("Buy for a room larger than yours: the rating assumes a few air changes an hour."),
                        number("CADR", "cfm", 100, 400, 20, HIGHER),
                        number("noise on low", "dB", 20, 40, 2, LOWER).qa("About {v} on low.", "Is it quiet enough for a bedroom?"),
                        flag("true HEPA filter", 0.85).thing("a true HEPA filter").qa("{f}", "Is it true HEPA?"))
                .aspects(Common.easy(),
                        new Aspect("air").praise("My allergies are noticeably better.").complain("Didn't notice any difference."),
                        new Aspect("noise").praise("Whisper quiet on low.").complain("Too loud to sleep with."))
                .uses("for the bedroom", "for allergy season", "for a home with pets")
                .describe("The {brand} {model} purifier covers rooms up to {v:room size} with a CADR of {v:CADR}.")
                .guide("Match CADR to room size and check filter cost and noise on the low setting.")
                .validate();
    }
}
