package io.scalableapp.operator.api;

/**
 * CEL for the CRD's durations ("90s", "1h30m", "7d"). Kubernetes' CEL {@code duration()} cannot
 * read days, so rules compute whole seconds from the text. Annotation values must be compile-time
 * constants, so these are fragments appended to a string expression, e.g. {@code "!self" + READABLE
 * + " || self" + IN_SECONDS + " >= 3600"}: malformed text is left to the field's pattern and length
 * checks, which say what is wrong with it.
 */
public final class DurationCel {
  /** Durations such as 90s, 5m, 1h30m, 7d. */
  public static final String PATTERN = "^([0-9]+(ms|s|m|h|d))+$";

  /**
   * Keeps every readable duration's seconds far below CEL's 64-bit limit, and the rules' cost
   * estimate low.
   */
  public static final long MAX_LENGTH = 12;

  /** Appended to a string expression: true when the rules below can read it. */
  public static final String READABLE = ".matches('" + PATTERN + "')";

  /** Appended to a string expression: its length in whole seconds (milliseconds round down). */
  public static final String IN_SECONDS =
      ".findAll('[0-9]+(ms|s|m|h|d)')"
          + ".map(p, p.endsWith('ms') ? int(p.find('[0-9]+')) / 1000"
          + " : int(p.find('[0-9]+'))"
          + " * (p.endsWith('s') ? 1 : p.endsWith('m') ? 60 : p.endsWith('h') ? 3600 : 86400))"
          + ".sum()";

  public static final long MINUTE = 60;
  public static final long HOUR = 3600;
  public static final long DAY = 86400;

  private DurationCel() {}
}
