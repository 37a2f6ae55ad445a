package dev.aisle.app.cli;

import dev.aisle.engine.train.stage.PreferenceStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "dpo", mixinStandardHelpOptions = true,
        description = "Direct preference optimisation on prompt/chosen/rejected pairs against the frozen starting model.")
public final class TrainDpoCommand implements Callable<Integer> {

    @Mixin
    TrainOptions common;

    @Mixin
    TrainPreferenceOptions pref;

    @Option(names = "--rpo-alpha", defaultValue = "0", description = "weight of the chosen answers' per-token negative "
            + "log-likelihood added to the DPO loss (RPO); 0 = plain DPO (default: ${DEFAULT-VALUE})")
    double rpoAlpha;

    @Override
    public Integer call() throws Exception {
        common.applyThreads();
        Path out = pref.out != null ? pref.out : TrainOptions.modelsDir("dpo");
        PreferenceStage.train(PreferenceStage.Method.DPO, pref.from, pref.data, out, pref.settings(common.seed, 1, 1).withRpoAlpha(rpoAlpha), System.err);
        pref.register("dpo", out, System.err);
        return 0;
    }
}
