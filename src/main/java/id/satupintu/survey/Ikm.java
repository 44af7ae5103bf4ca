package id.satupintu.survey;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * The satisfaction index of PermenPANRB 14/2017 in exact arithmetic. An element's NRR is its mean score
 * (total / respondents); the IKM is 25 × the mean of the nine NRRs, each weighted exactly 1/9, which is
 * 25 × (sum of all scores) / (9 × respondents): a fraction of integers, rounded (half up) to two decimals once,
 * at the end. A weight written as 0.111, as some tools do, loses 0.1 % and can move an office across a grade.
 */
final class Ikm {

    static final int ELEMENTS = 9;
    private static final BigDecimal A = new BigDecimal("88.31");
    private static final BigDecimal B = new BigDecimal("76.61");
    private static final BigDecimal C = new BigDecimal("65.00");

    private Ikm() {
    }

    /** 25 × mean of the nine NRRs, two decimals; null without respondents. */
    static BigDecimal index(long[] totals, long respondents) {
        if (respondents == 0) {
            return null;
        }
        long sum = 0;
        for (long total : totals) {
            sum += total;
        }
        return divide(BigInteger.valueOf(25).multiply(BigInteger.valueOf(sum)),
                BigInteger.valueOf(ELEMENTS).multiply(BigInteger.valueOf(respondents)), 2);
    }

    /** An element's NRR, its mean score, to four decimals (for reading: the index does not use it rounded). */
    static BigDecimal nrr(long total, long respondents) {
        return respondents == 0 ? null : divide(BigInteger.valueOf(total), BigInteger.valueOf(respondents), 4);
    }

    /** One element's index, 25 × its NRR, two decimals. */
    static BigDecimal elementIndex(long total, long respondents) {
        return respondents == 0 ? null
                : divide(BigInteger.valueOf(25).multiply(BigInteger.valueOf(total)), BigInteger.valueOf(respondents), 2);
    }

    /**
     * The grade (mutu pelayanan) of an index already rounded to two decimals: A 88.31–100, B 76.61–88.30,
     * C 65.00–76.60, D 25.00–64.99.
     */
    static String grade(BigDecimal index) {
        if (index == null) {
            return null;
        }
        if (index.compareTo(A) >= 0) {
            return "A";
        }
        if (index.compareTo(B) >= 0) {
            return "B";
        }
        return index.compareTo(C) >= 0 ? "C" : "D";
    }

    private static BigDecimal divide(BigInteger numerator, BigInteger denominator, int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
    }
}
