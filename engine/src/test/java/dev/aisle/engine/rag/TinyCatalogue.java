package dev.aisle.engine.rag;

import dev.aisle.datasets.catalog.Attribute;
import dev.aisle.datasets.catalog.Product;

import java.util.List;

/** A hand-written catalogue small enough to reason about in analysis tests. */
public final class TinyCatalogue {

    private TinyCatalogue() {
    }

    public static List<Product> products() {
        return List.of(
                p("B0TRAIL001", "Stridewell Trailblazer 3 Trail Running Shoes \u2013 8 mm drop, waterproof", "Stridewell",
                        List.of("Sports", "Running", "Trail Running Shoes"), 129.99,
                        List.of(new Attribute("drop", "8", "mm"), new Attribute("weight", "310", "g"),
                                Attribute.text("waterproof", "yes"), Attribute.text("upper", "gore-tex"))),
                p("B0TRAIL002", "Stridewell Trailblazer Pro Trail Running Shoes \u2013 4 mm drop", "Stridewell",
                        List.of("Sports", "Running", "Trail Running Shoes"), 159.99,
                        List.of(new Attribute("drop", "4", "mm"), new Attribute("weight", "280", "g"),
                                Attribute.text("waterproof", "no"), Attribute.text("upper", "mesh"))),
                p("B0TRAIL003", "Peakline Summit 5 Trail Running Shoes \u2013 6 mm drop", "Peakline",
                        List.of("Sports", "Running", "Trail Running Shoes"), 99.99,
                        List.of(new Attribute("drop", "6", "mm"), new Attribute("weight", "295", "g"),
                                Attribute.text("waterproof", "no"), Attribute.text("upper", "mesh"))),
                p("B0ROAD0001", "Peakline Cruiser Road Running Shoes \u2013 10 mm drop", "Peakline",
                        List.of("Sports", "Running", "Road Running Shoes"), 89.99,
                        List.of(new Attribute("drop", "10", "mm"), new Attribute("weight", "250", "g"),
                                Attribute.text("waterproof", "no"))),
                p("B0GLOVE001", "Fairway Frost Winter Golf Gloves \u2013 fleece lined", "Fairway",
                        List.of("Sports", "Golf", "Golf Gloves"), 24.99,
                        List.of(Attribute.text("lining", "fleece"), Attribute.text("waterproof", "yes"))),
                p("B0GLOVE002", "Fairway Tour Grip Golf Gloves \u2013 cabretta leather", "Fairway",
                        List.of("Sports", "Golf", "Golf Gloves"), 19.99,
                        List.of(Attribute.text("material", "cabretta leather"), Attribute.text("waterproof", "no"))),
                p("B0DINO0001", "Jurassic Pals Roaring T-Rex Dinosaur Toy \u2013 ages 3-6", "Jurassic Pals",
                        List.of("Toys", "Dinosaur Toys"), 29.99,
                        List.of(new Attribute("age range", "3-6", "years"), Attribute.text("batteries", "yes"))),
                p("B0DINO0002", "Jurassic Pals Dig Kit Dinosaur Toy \u2013 ages 8-12", "Jurassic Pals",
                        List.of("Toys", "Dinosaur Toys"), 19.99,
                        List.of(new Attribute("age range", "8-12", "years"), Attribute.text("batteries", "no"))),
                p("B0BLOCK001", "Brickly Castle Building Set \u2013 500 pieces", "Brickly",
                        List.of("Toys", "Building Sets"), 49.99,
                        List.of(new Attribute("pieces", "500", ""), new Attribute("age range", "6-12", "years"))));
    }

    private static Product p(String id, String title, String brand, List<String> path, double price, List<Attribute> attrs) {
        return new Product(id, title, brand, path, price, price, 4.3, 120, attrs,
                List.of(title.substring(title.indexOf('\u2013') + 1).strip()), "A " + path.get(path.size() - 1) + " by " + brand + ".");
    }
}
