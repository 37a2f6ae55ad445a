package dev.aisle.app.workbench.chat;

import java.util.Optional;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import org.fxmisc.richtext.GenericStyledArea;
import org.fxmisc.richtext.StyledTextArea;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.fxmisc.richtext.model.SegmentOps;
import org.fxmisc.richtext.model.TextOps;
import org.reactfx.util.Either;

/**
 * A read-only RichTextFX document holding a conversation: each question as a heading paragraph,
 * then its answer as text runs and embedded element nodes, appended as the answer streams, and an
 * action bar (thumbs, reasons, copy, inspect) once it is complete.
 *
 * <p>Model output only ever becomes text segments here; nodes come solely from parser elements.
 */
public final class AnswerArea extends GenericStyledArea<String, Either<String, Embed>, String> {

    private static final TextOps<Either<String, Embed>, String> OPS =
            SegmentOps.<String>styledTextOps()._or(new EmbedOps(), (a, b) -> Optional.empty());

    private final ElementNodesHolder nodes;

    public AnswerArea(ElementNodes elements, Function<AnswerViewModel, Node> actionBar) {
        this(new ElementNodesHolder(elements, actionBar));
    }

    private AnswerArea(ElementNodesHolder holder) {
        super("", (flow, style) -> {
            flow.getStyleClass().removeIf(c -> c.startsWith("par-"));
            if (!style.isEmpty()) {
                flow.getStyleClass().add(style);
            }
        }, "", OPS, seg -> holder.node(seg.getSegment(), seg.getStyle()));
        this.nodes = holder;
        setEditable(false);
        setWrapText(true);
        getStyleClass().add("answer-area");
    }

    /** Starts a new turn: the question as a heading, then the answer's pieces as they arrive. */
    public void follow(AnswerViewModel answer) {
        if (getLength() > 0) {
            appendParagraph("", "");
        }
        appendText(answer.question(), "question", "par-question");
        appendParagraph("", "par-answer");
        for (AnswerPiece piece : answer.pieces()) {
            appendPiece(answer, piece);
        }
        if (!answer.isRunning()) {
            appendActions(answer);
            return;
        }
        ListChangeListener<AnswerPiece> onPieces = change -> {
            while (change.next()) {
                for (AnswerPiece piece : change.getAddedSubList()) {
                    appendPiece(answer, piece);
                }
            }
            requestFollowCaret();
        };
        answer.pieces().addListener(onPieces);
        answer.state().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends AnswerViewModel.State> obs,
                                AnswerViewModel.State was, AnswerViewModel.State now) {
                if (!answer.isRunning()) {
                    answer.pieces().removeListener(onPieces);
                    answer.state().removeListener(this);
                    if (now == AnswerViewModel.State.FAILED) {
                        appendText(" — failed: " + answer.error().get(), "error", "par-answer");
                    }
                    appendActions(answer);
                }
            }
        });
    }

    private void appendPiece(AnswerViewModel answer, AnswerPiece piece) {
        if (piece instanceof AnswerPiece.TextRun run) {
            appendText(run.text(), "", null);
        } else if (piece instanceof AnswerPiece.Element el) {
            appendEmbed(new Embed.Element(answer, el.element()));
        }
    }

    private void appendActions(AnswerViewModel answer) {
        appendParagraph("", "par-actions");
        appendEmbed(new Embed.Actions(answer));
    }

    private void appendParagraph(String text, String parStyle) {
        appendText("\n" + text, "", parStyle);
    }

    /** Appends text with a text style; a paragraph style, when given, applies to the last paragraph. */
    private void appendText(String text, String style, String parStyle) {
        int end = getLength();
        replace(end, end, ReadOnlyStyledDocument.fromString(text, parStyle == null ? "" : parStyle, style, OPS));
        if (parStyle != null) {
            setParagraphStyle(getParagraphs().size() - 1, parStyle);
        }
    }

    private void appendEmbed(Embed embed) {
        int end = getLength();
        replace(end, end, ReadOnlyStyledDocument.fromSegment(Either.right(embed), "", "", OPS));
    }

    /** Creates the node for one segment; text segments become styled Text nodes. */
    private static final class ElementNodesHolder {
        private final ElementNodes elements;
        private final Function<AnswerViewModel, Node> actionBar;

        ElementNodesHolder(ElementNodes elements, Function<AnswerViewModel, Node> actionBar) {
            this.elements = elements;
            this.actionBar = actionBar;
        }

        Node node(Either<String, Embed> segment, String style) {
            if (segment.isLeft()) {
                return StyledTextArea.createStyledTextNode(segment.getLeft(), style, (text, s) -> {
                    if (!s.isEmpty()) {
                        text.getStyleClass().add(s);
                    }
                });
            }
            Embed embed = segment.getRight();
            if (embed instanceof Embed.Element e) {
                return elements.create(e.owner(), e.element());
            }
            if (embed instanceof Embed.Actions a) {
                return actionBar.apply(a.owner());
            }
            return new javafx.scene.layout.Region();
        }
    }
}
