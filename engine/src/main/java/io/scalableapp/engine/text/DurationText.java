package io.scalableapp.engine.text;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the CRD and the command line write them ("90s", "1h30m", "7d"): one parser for the
 * operator, the what-if and the lab.
 */
public final class DurationText {
  private static final Pattern PART = Pattern.compile("([0-9]+)(ms|s|m|h|d)");

  private DurationText() {}

  public static Duration parse(String text) {
    Matcher m = PART.matcher(text);
    Duration total = Duration.ZERO;
    int consumed = 0;
    while (m.find()) {
      if (m.start() != consumed) break;
      long n = Long.parseLong(m.group(1));
      total =
          total.plus(
              switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
              });
      consumed = m.end();
    }
    if (consumed == 0 || consumed != text.length()) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    return total;
  }

  /** The shortest text that parses back to {@code d}, e.g. "1h30m". */
  public static String format(Duration d) {
    if (d.isZero()) return "0s";
    StringBuilder b = new StringBuilder();
    long s = d.getSeconds();
    if (s >= 86400) {
      b.append(s / 86400).append('d');
      s %= 86400;
    }
    if (s >= 3600) {
      b.append(s / 3600).append('h');
      s %= 3600;
    }
    if (s >= 60) {
      b.append(s / 60).append('m');
      s %= 60;
    }
    if (s > 0 || b.length() == 0) b.append(s).append('s');
    return b.toString();
  }
}
