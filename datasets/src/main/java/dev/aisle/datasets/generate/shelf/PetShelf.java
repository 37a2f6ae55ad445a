package dev.aisle.datasets.generate.shelf;

import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.HIGHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.Better.NEITHER;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.choice;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.flag;
import static dev.aisle.datasets.generate.shelf.AttributeSpec.number;

import java.util.List;

/** Pet supplies for dogs and cats. */
final class PetShelf implements Shelf {

    private static final String[] BRANDS = {"Happy Paws", "Wagwell", "Whisker Co", "Barkley", "Purrfect", "Tail Tales"};

    @Override
    public List<CategorySpec> categories() {
        return List.of(dogBeds(), dogFood(), chewToys(), catToys(), leashes());
    }

    private static CategorySpec dogBeds() {
        return CategorySpec.of("Pet Supplies", "Dogs", "Dog Beds").noun("bed", false).titleNoun("Orthopedic Dog Bed")
                .searchNames("dog bed", "orthopedic dog bed", "large dog bed", "calming dog bed")
                .brands(BRANDS).models("Snooze", "Ortho Rest", "Donut Calm", "Bolster", "Den")
                .price(25, 180).share(1).usageUnit("months")
                .attributes(
                        choice("size", "small", "medium", "large", "extra large").query("{v}").qa("This is the {v} size.", "Will it fit a labrador?"),
                        number("max dog weight", "lb", 20, 120, 10, NEITHER).qa("It's rated for dogs up to {v}.", "How big a dog does it fit?")
                                .explain("Size the bed by your dog's length when stretched out, not just weight."),
                        choice("fill", "memory foam", "egg-crate foam", "polyfill").query("{v}")
                                .explain("Memory foam supports older dogs' joints; polyfill is cosy but flattens."),
                        flag("removable washable cover", 0.75).thing("a removable, washable cover").qa("{f}", "Is the cover washable?"),
                        flag("chew resistant", 0.2))
                .aspects(Common.build(),
                        new Aspect("dog comfort").praise("My dog [claimed it immediately|sleeps on it all day].").complain("My dog refuses to use it."),
                        new Aspect("washing").praise("Cover washes well.").complain("Cover shrank in the wash."),
                        new Aspect("support").praise("My old lab gets up more easily now.").complain("Flattened within weeks.")
                                .bias(f -> "polyfill".equals(f.text("fill")) ? -1 : 0))
                .uses("for my senior lab", "for our new puppy", "for the crate")
                .describe("The {brand} {model} is a {v:size} {v:fill} dog bed for dogs up to {v:max dog weight}.")
                .guide("Older dogs and big breeds benefit from memory foam; always pick a washable cover.")
                .validate();
    }

    private static CategorySpec dogFood() {
        return CategorySpec.of("Pet Supplies", "Dogs", "Dry Dog Food").noun("food", false).titleNoun("Dry Dog Food")
                .searchNames("dog food", "dry dog food", "grain free dog food", "puppy food")
                .brands(BRANDS).models("Farm Recipe", "Harvest", "Coastal", "Original", "Wild Prairie")
                .price(20, 90).share(1).usageUnit("weeks")
                .attributes(
                        choice("life stage", "puppies", "adult dogs", "senior dogs", "all life stages").query("for {v}").qa("It's formulated for {v}.", "Is this ok for puppies?"),
                        choice("main protein", "chicken", "salmon", "lamb", "beef", "turkey").query("{v}").qa("The first ingredient is {v}.", "What's the main protein?"),
                        flag("grain free", 0.35).query("grain free").qa("{f}", "Does it contain grain?"),
                        number("bag size", "lb", 4, 30, 2, NEITHER).qa("The bag is {v}.", "How big is the bag?"),
                        number("protein", "%", 20, 34, 1, HIGHER))
                .aspects(
                        new Aspect("taste").praise("My picky eater licks the bowl clean.").complain("My dog won't touch it."),
                        new Aspect("digestion").praise("No more upset stomach.").complain("Gave my dog an upset stomach."),
                        new Aspect("coat").praise("Coat is shinier after a month.").complain("No difference in coat or energy."))
                .uses("for my picky eater", "for our golden retriever", "for my senior dog")
                .describe("{brand} {model} is a {v:main protein} recipe for {v:life stage} with {v:protein} protein.")
                .guide("Choose food by life stage first; switch gradually over a week to avoid upset stomachs.")
                .validate();
    }

    private static CategorySpec chewToys() {
        return CategorySpec.of("Pet Supplies", "Dogs", "Dog Chew Toys").noun("toy", false).titleNoun("Durable Dog Chew Toy")
                .searchNames("dog chew toy", "indestructible dog toy", "tough dog toys")
                .brands(BRANDS).models("Tough Bone", "Chomp", "Tug Rope", "Treat Ball", "Forever")
                .price(8, 35).share(0.9).usageUnit("weeks")
                .attributes(
                        choice("material", "natural rubber", "nylon", "rope", "plush").query("{v}"),
                        choice("chewer type", "light chewers", "moderate chewers", "power chewers").query("for {v}")
                                .qa("It's made for {v}.", "Will it survive a power chewer?")
                                .explain("Match the toy to the chewer: plush for gentle dogs, rubber or nylon for power chewers."),
                        flag("treat dispensing", 0.35).thing("a treat-dispensing chamber").query("treat dispensing"),
                        choice("size", "small", "medium", "large"))
                .aspects(
                        new Aspect("durability").praise("My power chewer hasn't made a dent in it.").complain("Destroyed in ten minutes."),
                        new Aspect("dog appeal").praise("My dog carries it everywhere.").complain("My dog ignores it."))
                .uses("for my power chewer", "for our teething puppy", "to keep my dog busy")
                .describe("The {brand} {model} is a {v:material} toy for {v:chewer type}.")
                .guide("No toy is truly indestructible; supervise chewing and replace damaged toys.")
                .validate();
    }

    private static CategorySpec catToys() {
        return CategorySpec.of("Pet Supplies", "Cats", "Cat Toys").noun("toy", false).titleNoun("Interactive Cat Toy")
                .searchNames("cat toys", "interactive cat toy", "cat wand")
                .brands(BRANDS).models("Feather Wand", "Laser Chase", "Catnip Mice", "Tunnel", "Puzzle Feeder")
                .price(6, 40).share(0.8).usageUnit("weeks")
                .attributes(
                        choice("type", "wand", "electronic motion toy", "catnip toy", "tunnel", "puzzle feeder").query("{v}"),
                        flag("batteries required", 0.3).qa("{f}", "Does it need batteries?"),
                        flag("catnip", 0.4).query("catnip"))
                .aspects(
                        new Aspect("cat appeal").praise("My cat goes crazy for it.").complain("My cat couldn't care less."),
                        new Aspect("durability").praise("Still intact after weeks of play.").complain("Fell apart in days."))
                .uses("for my indoor cat", "for our new kitten", "for two bored cats")
                .describe("The {brand} {model} is a {v:type} that keeps indoor cats active.")
                .guide("Indoor cats need daily play; rotate toys so they stay interesting.")
                .validate();
    }

    private static CategorySpec leashes() {
        return CategorySpec.of("Pet Supplies", "Dogs", "Dog Leashes").noun("leash", false).titleNoun("Dog Leash")
                .searchNames("dog leash", "retractable leash", "hands free dog leash")
                .brands(BRANDS).models("Walkabout", "Hands Free", "Reflect", "Trail Lead")
                .price(10, 50).share(0.7).usageUnit("walks")
                .attributes(
                        number("length", "ft", 4, 16, 2, NEITHER).qa("It's {v} long.", "How long is it?"),
                        choice("type", "standard", "retractable", "hands-free").query("{v}"),
                        flag("reflective", 0.6).query("reflective"))
                .aspects(
                        new Aspect("strength").praise("Holds my strong puller easily.").complain("The clip broke on a walk."),
                        new Aspect("handle").praise("Padded handle is comfortable.").complain("Handle gives me rope burn."))
                .uses("for daily walks", "for running with my dog", "for our new puppy")
                .describe("The {brand} {model} is a {v:length} {v:type} leash.")
                .guide("A standard 6 ft leash suits training; hands-free leashes help runners.")
                .validate();
    }
}
