package dev.aisle.engine.train.stage;

import dev.aisle.datasets.corpus.Corpus;
import dev.aisle.engine.tokenizer.BpeTrainer;
import dev.aisle.engine.tokenizer.TokenizerJson;
import dev.aisle.engine.train.data.PretrainingText;
import dev.aisle.engine.train.data.SftExample;
import dev.aisle.engine.train.data.SftExampleBuilder;
import dev.aisle.engine.train.data.TrainingDocument;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Trains the byte-level BPE on the training text. A sample of grounded chat examples is included
 * so that the answer markup ({@code <product id="}, {@code <cite ref="E}) gets tokens of its own
 * and answers stay short in tokens.
 */
public final class TokenizerStage {

    private TokenizerStage() {
    }

    public record Result(Path file, int vocabSize, int documents) {
    }

    public static Result train(Corpus corpus, int vocabSize, int chatExamples, Path out) throws IOException {
        BpeTrainer trainer = BpeTrainer.forChat(vocabSize);
        int docs = 0;
        for (TrainingDocument d : new PretrainingText(corpus).training()) {
            trainer.add(d.text());
            docs++;
        }
        for (SftExample e : new SftExampleBuilder(corpus).build(chatExamples, 17)) {
            trainer.add(e.question());
            e.evidence().forEach(line -> trainer.add(line.label() + " [" + line.source() + " " + line.productId() + "] " + line.text()));
            trainer.add(e.answer());
            docs++;
        }
        BpeTrainer.Result result = trainer.train();
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        TokenizerJson.write(result, out);
        return new Result(out, result.vocab().size(), docs);
    }
}
