package dev.aisle.datasets.generate.shelf;

/** Aspects that many shelves share, so each shelf writes only what is particular to it. */
final class Common {

    private Common() {
    }

    static Aspect comfort() {
        return new Aspect("comfort")
                .praise("{It} {is} [really|super|genuinely] comfortable[ right out of the box|, no break-in needed|].",
                        "Comfort is [excellent|top notch|the best part]; I forget I'm [wearing|using] {them}.",
                        "[Very|So] comfortable, even after [a long day|hours|a long session].",
                        "Comfortable from the first [day|use|wear]; no [break-in|getting used to] needed.",
                        "I can [wear|use] {them} all day without [noticing|thinking about] {them}.")
                .complain("{It} {isnt} very comfortable[ for long stretches| after an hour or so|].",
                        "Comfort is [lacking|poor|disappointing]; [something rubs|pressure points showed up] after a while.",
                        "After [an hour|a couple of hours] I [couldn't wait to take them off|was ready to give up on {them}].")
                .titles("+So comfortable", "+Comfy and well made", "-Uncomfortable");
    }

    static Aspect fit() {
        return new Aspect("fit")
                .praise("[Fit|Sizing] is [true to size|spot on|perfect]; I ordered my usual size.",
                        "{It} fit{s} [like a glove|perfectly|just right].")
                .complain("[Sizing|Fit] runs {sizing}; [order {resize}|check the chart before you order].",
                        "The fit is off: {it} run{s} {sizing}[, so I had to exchange {them}|].")
                .titles("+Perfect fit", "-Sizing is off", "-Wrong size");
    }

    static Aspect looks() {
        return new Aspect("looks")
                .praise("{It} look{s} [great|sharp|even better in person|really nice].",
                        "[Love|I love] the [color|colour|design|look].")
                .complain("The [color|finish] looks [cheaper|duller|different] than in the photos.",
                        "Looks [cheap|plasticky] up close.")
                .titles("+Looks great", "-Not as pictured");
    }

    static Aspect build() {
        return new Aspect("build")
                .praise("Build quality is [excellent|solid|better than expected]; [nothing rattles|the stitching is neat|no loose bits].",
                        "{It} feel{s} [sturdy|solid|well put together].",
                        "[Nicely|Well] finished, with [no rough edges|tidy seams|solid hardware].",
                        "{It} {has} survived [two kids|daily use|a few accidental drops] without a scratch.")
                .complain("Build quality is [poor|mediocre|disappointing]; [a seam split|a part snapped|the finish chipped] [early on|within weeks].",
                        "{It} feel{s} [flimsy|cheap|fragile].",
                        "Something [cracked|came loose|snapped] [in the first week|after a few uses|within a month].")
                .titles("+Built to last", "+Solid build", "-Flimsy", "-Broke quickly");
    }

    static Aspect easy() {
        return new Aspect("ease of use")
                .praise("[Really|Very|Super] easy to use[, no manual needed|, even for me|].",
                        "Setup took [two minutes|no time at all|less than five minutes].")
                .complain("[Not|Far from] intuitive; [I had to read the manual twice|the instructions are useless|setup was a pain].",
                        "Fiddly to use[ day to day|, honestly|].")
                .titles("+Easy to use", "-Fiddly");
    }
}
