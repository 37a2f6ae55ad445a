package dev.aisle.app.workbench.chat;

import dev.aisle.app.workbench.service.AnswerEvent;
import dev.aisle.app.workbench.service.Hydration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableMap;
import javafx.collections.WeakMapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Builds the nodes for markup elements. Only parser elements come here; their contents (titles,
 * attribute values) are put into Labels as plain text, never parsed. Cards and tables watch the
 * answer's hydration map and fill themselves in when the store data arrives.
 */
public final class ElementNodes {

    private final BiConsumer<AnswerViewModel, String> onCite;
    private final Consumer<String> onNavigate;
    private final dev.aisle.app.workbench.common.Inspection inspection;

    /**
     * @param onCite     called with the answer and the evidence ref when a citation is clicked
     * @param onNavigate called with the link target ("search:…", "category:…", "product:…")
     */
    public ElementNodes(BiConsumer<AnswerViewModel, String> onCite, Consumer<String> onNavigate,
                        dev.aisle.app.workbench.common.Inspection inspection) {
        this.onCite = onCite;
        this.onNavigate = onNavigate;
        this.inspection = inspection;
    }

    public Node create(AnswerViewModel owner, AnswerEvent element) {
        if (element instanceof AnswerEvent.Cite c) {
            Hyperlink link = new Hyperlink("[" + c.ref() + "]");
            link.getStyleClass().add("cite");
            link.setUserData(c.ref());
            link.setTooltip(new Tooltip("Show evidence " + c.ref() + " in the inspector"));
            link.setOnAction(e -> onCite.accept(owner, c.ref()));
            // Selecting evidence in the inspector highlights the citations that point at it.
            javafx.beans.value.ChangeListener<Object> mark = (o, a, b) -> {
                boolean hit = c.ref().equalsIgnoreCase(inspection.highlightedRef().get())
                        && owner.trace().get() != null && owner.trace().get() == inspection.trace().get();
                link.getStyleClass().remove("highlighted");
                if (hit) {
                    link.getStyleClass().add("highlighted");
                }
            };
            link.getProperties().put("highlight-listener", mark);
            inspection.highlightedRef().addListener(new javafx.beans.value.WeakChangeListener<>(mark));
            inspection.trace().addListener(new javafx.beans.value.WeakChangeListener<>(mark));
            mark.changed(null, null, null);
            return link;
        }
        if (element instanceof AnswerEvent.Link l) {
            Hyperlink link = new Hyperlink(l.text());
            link.getStyleClass().add("store-link");
            link.setTooltip(new Tooltip(l.target()));
            link.setOnAction(e -> onNavigate.accept(l.target()));
            return link;
        }
        if (element instanceof AnswerEvent.Product p) {
            return hydrating(owner.hydrations(), p.slot(), "product-card", h -> productCard(p.productId(), h));
        }
        if (element instanceof AnswerEvent.Compare c) {
            return hydrating(owner.hydrations(), c.slot(), "compare-table",
                    h -> compareTable(String.join(", ", c.productIds()), h));
        }
        if (element instanceof AnswerEvent.PluginElement p) {
            return hydrating(owner.hydrations(), p.slot(), "plugin-element", h -> pluginElement(p, h));
        }
        throw new IllegalArgumentException("not an element: " + element);
    }

    private static Node hydrating(ObservableMap<Integer, Hydration> hydrations, int slot, String styleClass,
                                  java.util.function.Function<Hydration, Node> render) {
        StackPane holder = new StackPane();
        holder.getStyleClass().addAll("element", styleClass);
        holder.getChildren().setAll(render.apply(hydrations.get(slot)));
        MapChangeListener<Integer, Hydration> listener = change -> {
            if (change.getKey() == slot && change.wasAdded()) {
                holder.getChildren().setAll(render.apply(change.getValueAdded()));
                holder.getStyleClass().add("hydrated");
            }
        };
        if (hydrations.containsKey(slot)) {
            holder.getStyleClass().add("hydrated");
        }
        // The holder keeps the listener alive exactly as long as the node exists.
        holder.getProperties().put("hydration-listener", listener);
        hydrations.addListener(new WeakMapChangeListener<>(listener));
        return holder;
    }

    static Node productCard(String productId, Hydration h) {
        VBox card = new VBox(2);
        card.setPadding(new Insets(8, 10, 8, 10));
        if (h instanceof Hydration.Card c && c.found()) {
            Label title = new Label(c.title());
            title.getStyleClass().add("card-title");
            title.setWrapText(true);
            Label meta = new Label(c.brand() + " · " + c.category());
            meta.getStyleClass().add("card-meta");
            Label price = new Label(c.price());
            price.getStyleClass().add("card-price");
            Label stock = new Label(c.stock() + (c.delivery().isEmpty() ? "" : " · " + c.delivery()));
            stock.getStyleClass().add("card-stock");
            Label rating = new Label(c.rating() > 0 ? "★ %.1f".formatted(c.rating()) : "no ratings yet");
            rating.getStyleClass().add("card-meta");
            card.getChildren().addAll(title, meta, price, stock, rating);
        } else if (h instanceof Hydration.Missing m) {
            card.getChildren().add(new Label("Product " + productId + ": " + m.reason()));
        } else if (h instanceof Hydration.Card c) {
            card.getChildren().add(new Label("Unknown product " + c.productId()));
        } else {
            Label loading = new Label("Loading product " + productId + " …");
            loading.getStyleClass().add("card-loading");
            card.getChildren().add(loading);
        }
        card.setMaxWidth(280);
        return card;
    }

    /** A plugin element: the text its plugin rendered, in a Label (plain text, never markup). */
    static Node pluginElement(AnswerEvent.PluginElement element, Hydration h) {
        Label label;
        if (h instanceof Hydration.Plugin p) {
            label = new Label(p.text());
            label.getStyleClass().addAll("plugin-text", "plugin-" + element.tag());
        } else if (h instanceof Hydration.Missing m) {
            label = new Label(m.reason()); // names the element and why it could not be shown
        } else {
            label = new Label("Loading " + element.label() + " …");
            label.getStyleClass().add("card-loading");
        }
        label.setWrapText(true);
        label.setMaxWidth(420);
        label.setPadding(new Insets(4, 8, 4, 8));
        return label;
    }

    static Node compareTable(String ids, Hydration h) {
        if (h instanceof Hydration.Table t) {
            GridPane grid = new GridPane();
            grid.setHgap(14);
            grid.setVgap(4);
            grid.setPadding(new Insets(8, 10, 8, 10));
            for (int col = 0; col < t.titles().size(); col++) {
                Label head = new Label(t.titles().get(col));
                head.getStyleClass().add("compare-head");
                head.setWrapText(true);
                head.setMaxWidth(180);
                grid.add(head, col + 1, 0);
            }
            for (int row = 0; row < t.attributes().size(); row++) {
                Label name = new Label(t.attributes().get(row));
                name.getStyleClass().add("compare-attr");
                grid.add(name, 0, row + 1);
                for (int col = 0; col < t.cells().get(row).size(); col++) {
                    grid.add(new Label(t.cells().get(row).get(col)), col + 1, row + 1);
                }
            }
            return grid;
        }
        String text = h instanceof Hydration.Missing m ? "Comparison of " + ids + ": " + m.reason()
                : "Loading comparison of " + ids + " …";
        Label label = new Label(text);
        label.setPadding(new Insets(8, 10, 8, 10));
        return label;
    }
}
