package dev.aisle.datasets.generate.shelf;

import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.HIGHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.NEITHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.choice;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.flag;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.number;

import java.util.List;

/** Home fitness. */
final class FitnessShelf implements Shelf {

    private static final String[] BRANDS = {"Corefit", "Ironleaf", "Flowstate", "Rep Republic", "Zenmat", "Kinetic"};

    @Override
    public List<CategorySpec> categories() {
        return List.of(yogaMats(), dumbbells(), bands());
    }

    private static CategorySpec yogaMats() {
        return CategorySpec.of("Fitness", "Yoga", "Yoga Mats").noun("mat", false).titleNoun("Non-Slip Yoga Mat")
                .searchNames("yoga mat", "thick yoga mat", "non slip yoga mat", "exercise mat")
                .brands(BRANDS).models("Grounded", "Flow", "Studio Pro", "Travel Lite", "Cushion Plus")
                .price(15, 130).share(1).usageUnit("sessions")
                .attributes(
                        number("thickness", "mm", 2, 10, 1, NEITHER).title("{v} Thick").query("{n} mm")
                                .bullet("{v} thick [for joint comfort|without losing balance]")
                                .qa("It's {v} thick.", "How thick is it?", "Is it thick enough for sore knees?")
                                .explain("4–6 mm suits most yoga; thicker mats cushion knees but make balance poses wobblier, and 2 mm travel mats fold into a bag."),
                        choice("material", "natural rubber", "TPE", "PVC", "cork and rubber").query("{v}")
                                .qa("It's {v}.", "What is it made of?", "Does it contain latex?")
                                .explain("Natural rubber grips best but is heavy and contains latex; TPE is light and latex-free."),
                        number("length", "inches", 68, 74, 2, NEITHER).qa("It's {v} long.", "Is it long enough for someone 6 ft tall?"),
                        flag("carrying strap", 0.5).thing("a carrying strap"),
                        flag("alignment lines", 0.35).thing("alignment lines"))
                .aspects(Common.build(),
                        new Aspect("grip").praise("No slipping even in hot yoga.", "Hands stay put in downward dog.")
                                .complain("Slippery as soon as I start sweating.", "My hands slide in downward dog.")
                                .titles("+Grippy", "-Slippery"),
                        new Aspect("cushioning").praise("Kind to my knees.", "Nice cushioning for floor work.")
                                .complain("Too thin; my knees hurt.", "Feels like I'm on bare floor.")
                                .bias(f -> f.num("thickness") >= 6 ? 1 : f.num("thickness") <= 3 ? -1 : 0),
                        new Aspect("smell").praise("No rubbery smell at all.").complain("Strong rubber smell that took weeks to fade."))
                .uses("for hot yoga", "for home workouts", "for pilates", "for my daily stretching")
                .describe("The {brand} {model} is a {v:thickness} {v:material} yoga mat, {v:length} long.",
                        "A textured surface keeps hands and feet planted through every flow.")
                .guide("Pick thickness for your practice and material for grip: sweaty practices need a grippy surface, travel needs a thin, light mat.")
                .complements("Resistance Bands").validate();
    }

    private static CategorySpec dumbbells() {
        return CategorySpec.of("Fitness", "Strength Training", "Adjustable Dumbbells").noun("dumbbells", true)
                .titleNoun("Adjustable Dumbbells (Pair)").searchNames("adjustable dumbbells", "dumbbell set", "home weights")
                .brands(BRANDS).models("Quick Select", "Dial Pro", "Compact 25", "Power Block", "Home Gym")
                .price(80, 450).share(0.9).usageUnit("workouts")
                .attributes(
                        number("max weight per dumbbell", "lb", 25, 90, 5, HIGHER).title("{v} Each").query("{n} lb")
                                .qa("Each one goes up to {v}.", "What's the max weight?", "How heavy do they go?")
                                .explain("Beginners rarely need more than 25–50 lb per hand; experienced lifters want 70 lb or more for presses and rows."),
                        number("increment", "lb", 2.5, 5, 2.5, NEITHER).qa("It changes in {v} steps.", "What are the weight increments?"),
                        choice("adjustment", "dial", "pin", "spin-lock collars").qa("You adjust them with a {v}.", "How do you change the weight?"),
                        flag("stand included", 0.4))
                .aspects(Common.build(),
                        new Aspect("adjusting").praise("Changing weight takes a couple of seconds.").complain("Adjusting is slow and the plates stick."),
                        new Aspect("feel").praise("Feel solid in the hand, no rattling.").complain("Plates rattle during curls."))
                .uses("for my home gym", "for garage workouts", "to replace a rack of dumbbells")
                .describe("The {brand} {model} dumbbells adjust up to {v:max weight per dumbbell} each in {v:increment} steps.")
                .guide("Adjustable dumbbells save space; check the top weight you'll grow into and how quickly they adjust between sets.")
                .validate();
    }

    private static CategorySpec bands() {
        return CategorySpec.of("Fitness", "Strength Training", "Resistance Bands").noun("bands", true).one("set")
                .titleNoun("Resistance Bands Set").searchNames("resistance bands", "exercise bands", "loop bands")
                .brands(BRANDS).models("Loop Set", "Tube Pro", "Glute", "Travel Kit", "Power")
                .price(10, 45).share(0.8).usageUnit("workouts")
                .attributes(
                        number("bands in set", "", 3, 6, 1, NEITHER).title("Set of {n}").qa("There are {n} bands.", "How many bands are in the set?"),
                        number("max resistance", "lb", 30, 150, 10, HIGHER).qa("The heaviest band is about {v}.", "How much resistance does the heaviest band give?"),
                        choice("type", "loop bands", "tube bands with handles", "fabric booty bands").query("{v}"),
                        flag("door anchor included", 0.5))
                .aspects(
                        new Aspect("durability").praise("No tears or fraying after months.").complain("One band snapped within a month."),
                        new Aspect("resistance").praise("Good range from light to heavy.").complain("Even the heaviest band is too light for me."))
                .uses("for physical therapy", "for travel workouts", "for glute workouts")
                .describe("The {brand} {model} set includes {n:bands in set} {v:type} up to {v:max resistance}.")
                .guide("Bands are cheap, portable strength training; buy a set that spans light to heavy so you can progress.")
                .complements("Yoga Mats").validate();
    }
}
