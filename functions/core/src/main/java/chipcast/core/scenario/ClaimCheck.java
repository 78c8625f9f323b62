package chipcast.core.scenario;

import static chipcast.core.scenario.Checks.fmt;
import static chipcast.core.scenario.Checks.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Holds a vendor claim against what single-chip datasheet figures can explain. It never decides
 * that a claim is false: system-level effects (interconnect, batching, software) are real, but
 * they are not on a datasheet, and this says how large a factor they must supply.
 */
public final class ClaimCheck {
    static final double MAX_CLAIMED_RATIO = 1e6;
    static final double MAX_POWER_MW = 1e6;

    private ClaimCheck() {
    }

    public static ClaimCheckResult check(Claim claim) {
        if (claim == null) {
            throw new ScenarioInputException("claim", "must not be null");
        }
        if (claim instanceof InferenceClaim c) {
            return checkInference(c);
        }
        return checkTrainingCluster((TrainingClusterClaim) claim);
    }

    public static ClaimCheckResult checkInference(InferenceClaim c) {
        Checks.text("id", c.id());
        double claimed = Checks.range("claimedRatio", c.claimedRatio(), 0, false, MAX_CLAIMED_RATIO);
        ChipFigures base = Checks.chip("baseline", c.baseline());
        ChipFigures subj = Checks.chip("subject", c.subject());
        String sp = c.subjectPrecision() == null ? null : Checks.precision("subjectPrecision", c.subjectPrecision(), null);
        String bp = c.baselinePrecision() == null ? null : Checks.precision("baselinePrecision", c.baselinePrecision(), null);
        sp = sp == null ? Checks.bestFloatPrecision(subj) : sp;
        bp = bp == null ? Checks.bestFloatPrecision(base) : bp;

        double sCompute = Checks.dense(subj, sp);
        double bCompute = Checks.dense(base, bp);
        double sBw = Checks.bandwidth(subj);
        double bBw = Checks.bandwidth(base);
        double sMem = Checks.memoryGB(subj);
        double bMem = Checks.memoryGB(base);
        String sName = label(subj);
        String bName = label(base);

        List<SpecRatio> ratios = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double best = 0;
        String bestName = null;

        Double samePrecision = null;
        if (Checks.hasDense(subj, bp)) {
            samePrecision = subj.dense(bp) / bCompute;
            ratios.add(new SpecRatio("dense " + up(bp) + " TFLOPS, same precision", samePrecision,
                    sName + " " + num(subj.dense(bp)) + " vs " + bName + " " + num(bCompute) + " dense " + up(bp)
                            + " TFLOPS: compute-bound throughput at equal utilization"));
        } else {
            notes.add(sName + " has no dense " + up(bp) + " figure, so no same-precision compute ratio is given.");
        }
        if (!sp.equals(bp)) {
            double cross = sCompute / bCompute;
            ratios.add(new SpecRatio("dense TFLOPS, " + up(sp) + " vs " + up(bp), cross,
                    sName + " " + num(sCompute) + " dense " + up(sp) + " vs " + bName + " " + num(bCompute)
                            + " dense " + up(bp) + " TFLOPS: the claim's precision against the baseline's"));
        }
        double bwRatio = sBw / bBw;
        ratios.add(new SpecRatio("memory bandwidth", bwRatio, sName + " " + num(sBw) + " vs " + bName + " "
                + num(bBw) + " TB/s: memory-bound decode at the same bytes per weight"));
        Double bytesGain = null;
        double sBytes = Precisions.bytesPerValue(sp);
        double bBytes = Precisions.bytesPerValue(bp);
        if (sBytes != bBytes) {
            bytesGain = bBytes / sBytes;
            ratios.add(new SpecRatio("memory-bound decode, weights in " + up(sp) + " vs " + up(bp),
                    bwRatio * bytesGain, "bandwidth x" + fmt(bwRatio) + " times bytes per weight " + num(bBytes)
                    + " / " + num(sBytes) + ", assuming weights are stored in the compute precision"));
        }
        double capRatio = sMem / bMem;
        ratios.add(new SpecRatio("memory capacity", capRatio, sName + " " + num(sMem) + " vs " + bName + " "
                + num(bMem) + " GB: room for weights, KV cache and batch; not a throughput bound by itself"));

        for (SpecRatio r : ratios) {
            if (!r.name().equals("memory capacity") && r.ratio() > best) {
                best = r.ratio();
                bestName = r.name();
            }
        }

        if (!sp.equals(bp) && samePrecision != null) {
            notes.add(up(sp) + " on " + sName + " vs " + up(bp) + " on " + bName + " accounts for x"
                    + fmt(sCompute / subj.dense(bp)) + " of compute (" + sName + " " + up(sp) + " " + num(sCompute)
                    + " vs " + up(bp) + " " + num(subj.dense(bp)) + " TFLOPS); at the same precision compute gives x"
                    + fmt(samePrecision) + ".");
        }
        if (bytesGain != null) {
            notes.add(up(sp) + " weights instead of " + up(bp) + " cut bytes read per decode step by x" + fmt(bytesGain)
                    + ", which multiplies the bandwidth ratio x" + fmt(bwRatio) + " to x" + fmt(bwRatio * bytesGain)
                    + " if the model keeps its accuracy at " + up(sp) + ".");
        }
        notes.add("The best datasheet ratio is x" + fmt(best) + " (" + bestName
                + "); it assumes both chips are bound by that resource at equal utilization.");
        double unexplained = claimed / best;
        if (unexplained > 1) {
            notes.add("The remaining x" + fmt(unexplained) + " (claimed x" + fmt(claimed) + " / datasheet x" + fmt(best)
                    + ") must come from beyond the single-chip datasheet: system-level effects such as a larger"
                    + " interconnect domain, larger batch at equal latency (memory capacity x" + fmt(capRatio)
                    + "), parallelism layout, and software (kernels, speculative decoding). " + conditions(c));
        } else {
            notes.add("The datasheets cover the claimed x" + fmt(claimed) + " (" + bestName + " gives x" + fmt(best)
                    + "); no system-level effect is needed. " + conditions(c));
        }
        return new ClaimCheckResult(c.id(), claimed, List.copyOf(ratios), best, unexplained, List.copyOf(notes));
    }

    public static ClaimCheckResult checkTrainingCluster(TrainingClusterClaim c) {
        Checks.text("id", c.id());
        ChipFigures base = Checks.chip("baseline", c.baseline());
        ChipFigures subj = Checks.chip("subject", c.subject());
        count("baselineCount", c.baselineCount());
        count("subjectCount", c.subjectCount());
        optional("baselineClaimedPowerMW", c.baselineClaimedPowerMW(), MAX_POWER_MW);
        optional("subjectClaimedPowerMW", c.subjectClaimedPowerMW(), MAX_POWER_MW);
        optional("baselineDays", c.baselineDays(), TrainingCalculator.MAX_DAYS);
        optional("subjectDays", c.subjectDays(), TrainingCalculator.MAX_DAYS);
        String p = Checks.precision("precision", c.precision(), TrainingRequest.DEFAULT_PRECISION);
        double claimed = c.claimedRatio();
        long bc = c.baselineCount();
        long sc = c.subjectCount();
        String sName = label(subj);
        String bName = label(base);

        double sPeak = sc * Checks.dense(subj, p);
        double bPeak = bc * Checks.dense(base, p);
        // A chip without TDP leaves the power comparisons out; the compute comparison stands.
        Double sTdp = positive(subj.tdpWatts());
        Double bTdp = positive(base.tdpWatts());
        String sbp = Checks.bestFloatPrecision(subj);
        String bbp = Checks.bestFloatPrecision(base);

        List<SpecRatio> ratios = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        double same = sPeak / bPeak;
        ratios.add(new SpecRatio("peak cluster compute, " + up(p), same, sc + " x " + sName + " " + num(sPeak / 1000)
                + " PFLOPS vs " + bc + " x " + bName + " " + num(bPeak / 1000) + " PFLOPS dense " + up(p)));
        double best = same;
        String bestName = "peak cluster compute, " + up(p);
        Double cross = null;
        if (!(sbp.equals(p) && bbp.equals(p))) {
            double sBest = sc * subj.dense(sbp);
            double bBest = bc * base.dense(bbp);
            cross = sBest / bBest;
            String name = "peak cluster compute, " + up(sbp) + " vs " + up(bbp);
            ratios.add(new SpecRatio(name, cross, sc + " x " + sName + " " + num(sBest / 1000) + " PFLOPS dense "
                    + up(sbp) + " vs " + bc + " x " + bName + " " + num(bBest / 1000) + " PFLOPS dense " + up(bbp)
                    + ": each at its fastest float format"));
            if (cross > best) {
                best = cross;
                bestName = name;
            }
        }
        ratios.add(new SpecRatio("days for the same job, " + up(p), 1 / same, daysText(c, same)));
        if (cross != null) {
            ratios.add(new SpecRatio("days for the same job, " + up(sbp) + " vs " + up(bbp), 1 / cross,
                    daysText(c, cross)));
        }
        boolean tdps = sTdp != null && bTdp != null;
        double sIt = tdps ? sc * sTdp / 1e6 : 0;
        double bIt = tdps ? bc * bTdp / 1e6 : 0;
        double itRatio = tdps ? sIt / bIt : 0;
        if (tdps) {
            ratios.add(new SpecRatio("IT power from TDP", itRatio, sc + " x " + num(sTdp) + " W = " + num(sIt)
                    + " MW vs " + bc + " x " + num(bTdp) + " W = " + num(bIt) + " MW (chips only, no server or"
                    + " cooling overhead)"));
        } else {
            notes.add("No power comparison: " + (sTdp == null ? sName : bName) + " has no TDP in the catalogue.");
        }
        boolean allIn = c.subjectFacilityMW() != null && c.baselineFacilityMW() != null;
        if (allIn) {
            ratios.add(new SpecRatio("all-in facility power", c.subjectFacilityMW() / c.baselineFacilityMW(),
                    num(c.subjectFacilityMW()) + " MW vs " + num(c.baselineFacilityMW()) + " MW: " + c.powerBasis()));
        }
        boolean powers = c.subjectClaimedPowerMW() != null && c.baselineClaimedPowerMW() != null;
        if (powers) {
            ratios.add(new SpecRatio("claimed power", c.subjectClaimedPowerMW() / c.baselineClaimedPowerMW(),
                    num(c.subjectClaimedPowerMW()) + " MW vs " + num(c.baselineClaimedPowerMW()) + " MW as claimed"));
        }

        double perChipClaimed = claimed * bc / (double) sc;
        notes.add((c.baselineDays() != null && c.subjectDays() != null
                ? "The claim gives " + num(c.baselineDays()) + " vs " + num(c.subjectDays()) + " days"
                : "No separate days are claimed, so the same job in the same time is assumed")
                + ": cluster throughput x" + fmt(claimed) + ", i.e. each " + sName + " does x" + fmt(perChipClaimed)
                + " the work of one " + bName + "; the datasheets give x" + fmt(subj.dense(p) / base.dense(p))
                + " per chip at " + up(p) + (cross == null ? "" : " and x" + fmt(cross * bc / sc) + " at "
                + up(sbp) + " vs " + up(bbp)) + ".");
        double unexplained = claimed / best;
        if (cross != null && same < claimed && cross >= claimed) {
            notes.add("The datasheets cover the claim only if " + sName + " trains at " + up(sbp) + " while " + bName
                    + " trains at " + up(bbp) + " (x" + fmt(cross) + "); at " + up(p) + " on both the " + sName
                    + " cluster needs x" + fmt(1 / same) + " the days.");
        }
        if (unexplained > 1) {
            notes.add("The remaining x" + fmt(unexplained) + " must come from higher utilization on the " + sName
                    + " cluster (x" + fmt(unexplained) + " the baseline's), lower-precision training, or effects"
                    + " stated in the conditions. " + conditions(c));
        } else {
            notes.add("At " + bestName + " the datasheets cover the claimed cluster throughput (x" + fmt(best)
                    + " >= x" + fmt(claimed) + ") at equal utilization. " + conditions(c));
        }
        if (powers && tdps) {
            double sPerChip = c.subjectClaimedPowerMW() * 1e6 / sc;
            double bPerChip = c.baselineClaimedPowerMW() * 1e6 / bc;
            double sMult = sPerChip / sTdp;
            double bMult = bPerChip / bTdp;
            notes.add("Chip TDP gives x" + fmt(itRatio) + " power (" + num(sIt) + " vs " + num(bIt) + " MW); the claim"
                    + " says x" + fmt(c.subjectClaimedPowerMW() / c.baselineClaimedPowerMW()) + ". Claimed power per"
                    + " chip: " + num(sPerChip) + " W for " + sName + " (x" + fmt(sMult) + " its TDP) vs "
                    + num(bPerChip) + " W for " + bName + " (x" + fmt(bMult) + " its TDP)"
                    + (Math.abs(sMult / bMult - 1) < 0.01
                    ? ": the same overhead on both, consistent with TDP."
                    : ": the claim's figures carry x" + fmt(bMult / sMult) + " more overhead per baseline chip"
                    + " (servers, cooling, network, or a different power basis), which is what moves the ratio"
                    + " from x" + fmt(itRatio) + " to x" + fmt(c.subjectClaimedPowerMW() / c.baselineClaimedPowerMW())
                    + "."));
        }
        if (powers && allIn) {
            notes.add("All-in, the scenario's clusters draw " + num(c.baselineFacilityMW()) + " MW (" + bName + ") and "
                    + num(c.subjectFacilityMW()) + " MW (" + sName + ") against the claimed "
                    + num(c.baselineClaimedPowerMW()) + " and " + num(c.subjectClaimedPowerMW()) + " MW, i.e. x"
                    + fmt(c.baselineFacilityMW() / c.baselineClaimedPowerMW()) + " and x"
                    + fmt(c.subjectFacilityMW() / c.subjectClaimedPowerMW()) + " of the claim (" + c.powerBasis()
                    + "). The rest of a gap is what the claim counts beyond servers and cooling (network, storage,"
                    + " a different PUE) or a different power basis.");
        }
        return new ClaimCheckResult(c.id(), claimed, List.copyOf(ratios), best, unexplained, List.copyOf(notes));
    }

    private static Double positive(Double v) {
        return v != null && Double.isFinite(v) && v > 0 ? v : null;
    }

    private static String daysText(TrainingClusterClaim c, double computeRatio) {
        String base = "days on the subject cluster / days on the baseline cluster for equal work at equal utilization";
        return c.baselineDays() == null ? base
                : base + ": " + num(c.baselineDays()) + " days on the baseline take " + fmt(c.baselineDays() / computeRatio)
                + " days on the subject";
    }

    private static void count(String field, long n) {
        if (n < 1 || n > TrainingCalculator.MAX_COUNT) {
            throw new ScenarioInputException(field, "must be in 1.." + TrainingCalculator.MAX_COUNT + ", got " + n);
        }
    }

    private static void optional(String field, Double v, double max) {
        if (v != null) {
            Checks.range(field, v, 0, false, max);
        }
    }

    private static String conditions(Claim c) {
        return c.conditions() == null || c.conditions().isBlank()
                ? "The claim states no conditions."
                : "The claim's stated conditions: \"" + c.conditions().strip() + "\"";
    }

    private static String label(ChipFigures c) {
        return c.name() == null || c.name().isBlank() ? c.id() : c.name();
    }

    private static String up(String precision) {
        return precision.toUpperCase(Locale.ROOT);
    }
}
