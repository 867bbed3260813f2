package io.scalableapp.operator.api;

/**
 * The shape of a five-field cron expression (minute hour day-of-month month day-of-week, as
 * crontab(5)) as one regular expression for the CRD, so an out-of-range field or a sixth field is
 * refused at admission. Each field is a comma list of {@code *}, a value or a range, each with an
 * optional {@code /step}; months and weekdays also by name (JAN, MON).
 */
public final class CronCel {
  private static final String MINUTE = "([0-5]?[0-9])";
  private static final String HOUR = "([01]?[0-9]|2[0-3])";
  private static final String DAY_OF_MONTH = "(0?[1-9]|[12][0-9]|3[01])";
  private static final String MONTH =
      "(0?[1-9]|1[0-2]|[Jj][Aa][Nn]|[Ff][Ee][Bb]|[Mm][Aa][Rr]|[Aa][Pp][Rr]|[Mm][Aa][Yy]"
          + "|[Jj][Uu][Nn]|[Jj][Uu][Ll]|[Aa][Uu][Gg]|[Ss][Ee][Pp]|[Oo][Cc][Tt]|[Nn][Oo][Vv]|[Dd][Ee][Cc])";
  private static final String DAY_OF_WEEK =
      "([0-7]|[Ss][Uu][Nn]|[Mm][Oo][Nn]|[Tt][Uu][Ee]|[Ww][Ee][Dd]|[Tt][Hh][Uu]"
          + "|[Ff][Rr][Ii]|[Ss][Aa][Tt])";

  // [*] rather than an escaped star: a backslash would need escaping again inside the CEL string
  // literal.
  private static final String STEP = "(/[0-9]{1,2})?";
  private static final String MINUTE_TERM = "([*]|" + MINUTE + "(-" + MINUTE + ")?)" + STEP;
  private static final String HOUR_TERM = "([*]|" + HOUR + "(-" + HOUR + ")?)" + STEP;
  private static final String DAY_OF_MONTH_TERM =
      "([*]|" + DAY_OF_MONTH + "(-" + DAY_OF_MONTH + ")?)" + STEP;
  private static final String MONTH_TERM = "([*]|" + MONTH + "(-" + MONTH + ")?)" + STEP;
  private static final String DAY_OF_WEEK_TERM =
      "([*]|" + DAY_OF_WEEK + "(-" + DAY_OF_WEEK + ")?)" + STEP;

  public static final String PATTERN =
      "^("
          + MINUTE_TERM
          + "(,"
          + MINUTE_TERM
          + ")*)"
          + " +("
          + HOUR_TERM
          + "(,"
          + HOUR_TERM
          + ")*)"
          + " +("
          + DAY_OF_MONTH_TERM
          + "(,"
          + DAY_OF_MONTH_TERM
          + ")*)"
          + " +("
          + MONTH_TERM
          + "(,"
          + MONTH_TERM
          + ")*)"
          + " +("
          + DAY_OF_WEEK_TERM
          + "(,"
          + DAY_OF_WEEK_TERM
          + ")*)$";

  /**
   * Five fields each listing a few values stay far below this; it bounds the regular expression's
   * cost.
   */
  public static final long MAX_LENGTH = 100;

  private CronCel() {}
}
