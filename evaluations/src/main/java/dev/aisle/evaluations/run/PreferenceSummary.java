package dev.aisle.evaluations.run;

import dev.aisle.evaluations.stats.BradleyTerry;
import dev.aisle.evaluations.stats.Bootstrap;
import dev.aisle.evaluations.stats.Preference;
import dev.aisle.evaluations.stats.WinRates;

import java.util.List;

/** Pairwise human preferences summarised as win rates and Bradley–Terry scores, with intervals. */
public record PreferenceSummary(String source, int preferences, List<WinRates.HeadToHead> headToHead,
                                List<WinRates.Overall> overall, List<BradleyTerry.Score> bradleyTerry) {

    public static PreferenceSummary none() {
        return new PreferenceSummary("", 0, List.of(), List.of(), List.of());
    }

    public static PreferenceSummary of(String source, List<Preference> prefs, Bootstrap bootstrap) {
        if (prefs.isEmpty()) {
            return new PreferenceSummary(source, 0, List.of(), List.of(), List.of());
        }
        return new PreferenceSummary(source, prefs.size(), WinRates.headToHead(prefs, bootstrap),
                WinRates.overall(prefs, bootstrap), BradleyTerry.fit(prefs, bootstrap));
    }

    public boolean isEmpty() {
        return preferences == 0;
    }
}
