package dev.aisle.engine.train.data;

import dev.aisle.engine.prompt.ChatTokens;
import dev.aisle.engine.prompt.PromptLayout;
import dev.aisle.engine.tokenizer.ShopTokenizer;

import java.util.List;

/** The shop tokenizer as training sees it: chat examples go through the same layout encoder as serving. */
public record TokenizerEncoder(ShopTokenizer tokenizer) implements TokenEncoder {

    @Override
    public int[] encode(String text) {
        return tokenizer.encode(text);
    }

    @Override
    public int[] encodeTrusted(String text) {
        return tokenizer.encodeTrusted(text);
    }

    @Override
    public int endId() {
        return tokenizer.specialId(ChatTokens.END);
    }

    @Override
    public int padId() {
        return tokenizer.specialId(ChatTokens.PAD);
    }

    @Override
    public TokenEncoder.ChatIds encodeChat(SftExample e) {
        ShopTokenizer.PromptTokens t = tokenizer.encodeWithAnswer(PromptLayout.DEFAULT_SYSTEM, e.evidence(), List.of(),
                e.question(), e.answer());
        return new TokenEncoder.ChatIds(t.ids(), t.answerStart());
    }
}
