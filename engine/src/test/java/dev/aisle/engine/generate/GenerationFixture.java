package dev.aisle.engine.generate;

import ai.djl.ndarray.NDManager;
import dev.aisle.engine.model.CpuBackend;
import dev.aisle.engine.model.LlamaConfig;
import dev.aisle.engine.model.LlamaModel;
import dev.aisle.engine.tokenizer.BpeTrainer;
import dev.aisle.engine.tokenizer.ShopTokenizer;
import dev.aisle.engine.tokenizer.TokenizerJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A tiny tokenizer trained on shopping lines with markup, and a random tiny model of its vocabulary size. */
final class GenerationFixture implements AutoCloseable {

    final NDManager manager = NDManager.newBaseManager("PyTorch");
    final ShopTokenizer tokenizer;
    final LlamaModel model;
    final CpuBackend backend;

    GenerationFixture(int context) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            lines.add("Try <product id=\"B0X" + (i % 7) + "\"/> for golf, see <cite ref=\"E" + (i % 5) + "\"/> and "
                    + "<compare ids=\"B0X1,B0X2\"/> or <link to=\"search:warm gloves\">gloves</link>. Rated " + i % 5 + "/5.\n");
        }
        Path dir = Files.createTempDirectory("gen");
        TokenizerJson.write(BpeTrainer.forChat(400).addAll(lines).train(), dir.resolve("tokenizer.json"));
        tokenizer = ShopTokenizer.load(dir.resolve("tokenizer.json"));
        LlamaConfig c = new LlamaConfig(32, 64, 2, 4, 2, 8, 1e-5, 10000.0, tokenizer.vocabSize(), context, true);
        model = LlamaModel.random(c, manager, 3);
        backend = new CpuBackend(model, 64, 8);
    }

    @Override
    public void close() {
        backend.close();
        model.close();
        tokenizer.close();
        manager.close();
    }
}
