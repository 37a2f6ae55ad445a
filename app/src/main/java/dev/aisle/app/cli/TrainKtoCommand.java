package dev.aisle.app.cli;

import dev.aisle.engine.train.stage.PreferenceStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "kto", mixinStandardHelpOptions = true,
        description = "Kahneman-Tversky optimisation on prompt/completion/label answers against the frozen starting model.")
public final class TrainKtoCommand implements Callable<Integer> {

    @Mixin
    TrainOptions common;

    @Mixin
    TrainPreferenceOptions pref;

    @Option(names = "--desirable-weight", defaultValue = "1.0", description = "λ_D (default: ${DEFAULT-VALUE})")
    double desirableWeight;

    @Option(names = "--undesirable-weight", defaultValue = "1.0", description = "λ_U (default: ${DEFAULT-VALUE})")
    double undesirableWeight;

    @Override
    public Integer call() throws Exception {
        common.applyThreads();
        Path out = pref.out != null ? pref.out : TrainOptions.modelsDir("kto");
        PreferenceStage.train(PreferenceStage.Method.KTO, pref.from, pref.data, out,
                pref.settings(common.seed, desirableWeight, undesirableWeight), System.err);
        pref.register("kto", out, System.err);
        return 0;
    }
}
