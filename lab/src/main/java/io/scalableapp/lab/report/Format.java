package io.scalableapp.lab.report;

import java.util.Locale;

/** Number formatting for the report, fixed to one locale so the committed README does not churn. */
public final class Format {

  private Format() {}

  public static String num(double v, int decimals) {
    if (Double.isNaN(v)) {
      return "n/a";
    }
    String s = String.format(Locale.ROOT, "%,." + decimals + "f", v);
    // a negative value that rounds to zero is zero
    return s.matches("-[0.,]+") ? s.substring(1) : s;
  }

  /** Signed relative change of {@code value} against {@code reference}, in percent. */
  static String change(double value, double reference) {
    if (reference == 0) {
      return value == 0 ? "±0 %" : "n/a";
    }
    return String.format(Locale.ROOT, "%+.1f %%", 100 * (value - reference) / reference);
  }

  static double relative(double value, double reference) {
    return reference == 0
        ? (value == 0 ? 0 : Double.POSITIVE_INFINITY)
        : (value - reference) / reference;
  }
}
