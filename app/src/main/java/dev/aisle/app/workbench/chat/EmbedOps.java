package dev.aisle.app.workbench.chat;

import java.util.Optional;
import org.fxmisc.richtext.model.NodeSegmentOpsBase;

/** RichTextFX segment operations for embedded nodes: each counts as one character and never merges. */
final class EmbedOps extends NodeSegmentOpsBase<Embed, String> {

    EmbedOps() {
        super(Embed.EMPTY);
    }

    @Override
    public int length(Embed seg) {
        return seg instanceof Embed.Nothing ? 0 : 1;
    }

    @Override
    public Optional<String> joinStyle(String a, String b) {
        return Optional.empty();
    }
}
