package dev.firesight.parser.query;

import dev.firesight.parser.Profile;
import dev.firesight.parser.SampleTable;
import dev.firesight.parser.StackTable;
import dev.firesight.parser.ViewKind;

import dev.firesight.parser.util.UInt128;

import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the share of a view's weight under some frames changed from one capture to another, and whether that
 * change is more than sampling noise.
 *
 * <p>A sampled profile's share is an estimate. Each capture's share {@code s = Σ w·x / Σ w} (x is 1 for a
 * sample under the frames, else 0) has variance {@code Σ w²·(x − s)² / (Σ w)²}: for samples that weigh one
 * (CPU), that is the binomial {@code s(1 − s)/n}; for allocations, whose samples weigh from a few bytes to
 * whole TLABs, few heavy samples make the estimate noisy, and the variance says so. The difference of two
 * independent captures' shares is then tested with {@code z = (s₂ − s₁) / √(V₁ + V₂)}: a change is
 * significant when |z| ≥ 1.96 (95 %), and its 95 % interval is {@code (s₂ − s₁) ± 1.96 √(V₁ + V₂)}.
 *
 * @param baseShare   the frames' share of the base capture's weight
 * @param targetShare the same in the target capture
 * @param z           the test statistic; 0 when neither capture has any weight
 * @param low         the lower end of the 95 % interval of {@code targetShare − baseShare}
 * @param high        its upper end
 */
public record ShareChange(double baseShare, double targetShare, double z, double low, double high) {
    /** |z| at and above which a change is called significant (two-sided 95 %). */
    public static final double Z95 = 1.959964;

    /** The change of the share of {@code view}'s weight under frames whose whole name matches {@code frames}. */
    public static ShareChange of(Profile base, Profile target, ViewKind view, Pattern frames) {
        return between(share(base, view, frames), share(target, view, frames));
    }

    /** The change between two captures' shares, each given by its sums (see {@link Share#of}). */
    public static ShareChange between(Share a, Share b) {
        double se = Math.sqrt(a.variance + b.variance);
        double diff = b.share - a.share;
        double z = se == 0 ? (diff == 0 ? 0 : Math.signum(diff) * Double.POSITIVE_INFINITY) : diff / se;
        return new ShareChange(a.share, b.share, z, diff - Z95 * se, diff + Z95 * se);
    }

    public boolean significant() {
        return Math.abs(z) >= Z95;
    }

    /** The relative change of the share: +0.5 is half as much again; infinite from nothing. */
    public double growth() {
        if (baseShare == 0) {
            return targetShare == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return targetShare / baseShare - 1;
    }

    /** E.g. {@code 2.1% -> 3.4% (+62%), 95% interval +0.8 to +1.8 points, significant (z = 4.2)}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s -> %s (%s), 95%% interval %+.2f to %+.2f points, %s (z = %.1f)",
                percent(baseShare), percent(targetShare), Double.isInfinite(growth()) ? "new"
                        : String.format(Locale.ROOT, "%+.0f%%", growth() * 100), low * 100, high * 100,
                significant() ? "significant" : "within sampling noise", z);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, share < 0.001 && share > 0 ? "%.3f%%" : "%.1f%%", share * 100);
    }

    /** One capture's share of its weight under some frames, and the sampling variance of that share. */
    public record Share(double share, double variance) {
        /**
         * @param under        the summed weight of the samples under the frames
         * @param underSquares the summed squares of those samples' weights
         * @param total        the summed weight of all the capture's samples
         * @param totalSquares the summed squares of all their weights
         */
        public static Share of(double under, double underSquares, double total, double totalSquares) {
            if (total == 0) {
                return new Share(0, 0);
            }
            double s = under / total;
            double variance = ((1 - s) * (1 - s) * underSquares + s * s * (totalSquares - underSquares))
                    / (total * total);
            return new Share(s, Math.max(0, variance));
        }
    }

    private static Share share(Profile profile, ViewKind view, Pattern frames) {
        BitSet matchingNames = new BitSet();
        for (int n = 0; n < profile.frames().nameCount(); n++) {
            if (frames.matcher(profile.frames().nameOf(n)).matches()) {
                matchingNames.set(n);
            }
        }
        StackTable stackTable = profile.stacks();
        int stacks = stackTable.size();
        BitSet under = new BitSet(stacks);
        for (int s = 0; s < stacks; s++) {
            for (int node = stackTable.node(s); node != StackTable.ROOT; node = stackTable.parent(node)) {
                if (matchingNames.get(profile.frames().nameId(stackTable.nodeFrame(node)))) {
                    under.set(s);
                    break;
                }
            }
        }
        SampleTable table = profile.samples(view);
        long total = 0;
        long matched = 0;
        long[] low = new long[2]; // exact sums of squared weights: [0] under the frames, [1] all
        long[] high = new long[2];
        for (int i = 0, n = table.size(); i < n; i++) {
            long w = table.weight(i);
            total += w;
            if (under.get(table.stack(i))) {
                matched += w;
                UInt128.add(low, high, 0, table.squaresLow(i), table.squaresHigh(i));
            }
            UInt128.add(low, high, 1, table.squaresLow(i), table.squaresHigh(i));
        }
        return Share.of(matched, UInt128.toDouble(low[0], high[0]), total, UInt128.toDouble(low[1], high[1]));
    }
}
