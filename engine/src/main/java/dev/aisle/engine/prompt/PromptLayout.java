package dev.aisle.engine.prompt;

import java.util.List;

/**
 * The one chat layout used by supervised fine-tuning, preference training and serving, so that
 * what the model learned is what it is asked:
 *
 * <pre>
 * &lt;|system|&gt;SYSTEM&lt;|end|&gt;
 * &lt;|evidence|&gt;E1 [review B0X123] text
 * E2 [product B0X123] text&lt;|end|&gt;
 * &lt;|user|&gt;earlier question&lt;|end|&gt;&lt;|assistant|&gt;earlier answer&lt;|end|&gt;
 * &lt;|user|&gt;QUESTION&lt;|end|&gt;&lt;|assistant|&gt;
 * </pre>
 * The model's answer follows and ends with {@code <|end|>}.
 */
public final class PromptLayout {

    public static final String DEFAULT_SYSTEM =
            "You are the store's shopping assistant. Answer from the evidence only, cite it, and show products with markup.";

    private PromptLayout() {
    }

    /** A previous exchange in the same conversation. */
    public record Turn(String question, String answer) {
    }

    public static String render(String system, List<EvidenceLine> evidence, List<Turn> history, String question) {
        StringBuilder sb = new StringBuilder();
        sb.append(ChatTokens.SYSTEM).append(system).append(ChatTokens.END).append('\n');
        sb.append(ChatTokens.EVIDENCE);
        for (int i = 0; i < evidence.size(); i++) {
            EvidenceLine e = evidence.get(i);
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(e.label()).append(" [").append(e.source());
            if (!e.productId().isEmpty()) {
                sb.append(' ').append(e.productId());
            }
            sb.append("] ").append(e.text());
        }
        sb.append(ChatTokens.END).append('\n');
        for (Turn t : history) {
            sb.append(ChatTokens.USER).append(t.question()).append(ChatTokens.END)
                    .append(ChatTokens.ASSISTANT).append(t.answer()).append(ChatTokens.END).append('\n');
        }
        sb.append(ChatTokens.USER).append(question).append(ChatTokens.END).append(ChatTokens.ASSISTANT);
        return sb.toString();
    }

    /** A training example: the prompt followed by the answer and the end token. */
    public static String renderWithAnswer(String system, List<EvidenceLine> evidence, List<Turn> history,
                                          String question, String answer) {
        return render(system, evidence, history, question) + answer + ChatTokens.END;
    }
}
