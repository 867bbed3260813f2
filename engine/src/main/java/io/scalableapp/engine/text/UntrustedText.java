package io.scalableapp.engine.text;

/**
 * Makes text that came from outside the operator (an HTTP error body, a server's error message)
 * safe to echo into a status message, an Event or a log line: one line, no control or invisible
 * formatting characters (which could forge log lines or hide text), and a bounded length. The one
 * place every such echo goes through.
 */
public final class UntrustedText {

  /**
   * The default bound, in characters: enough for an error message, short of a whole HTML error
   * page.
   */
  public static final int DEFAULT_MAX_CHARS = 300;

  private static final String ELLIPSIS = "…";

  private UntrustedText() {}

  /** {@code text} made safe with the {@link #DEFAULT_MAX_CHARS default bound}; "" for null. */
  public static String excerpt(String text) {
    return excerpt(text, DEFAULT_MAX_CHARS);
  }

  /**
   * {@code text} on one line, each run of control, separator or format characters (line breaks,
   * tabs, escape sequences, bidirectional overrides, zero-width characters) and whitespace replaced
   * by one space, stripped, and cut to at most {@code maxChars} characters, the cut marked with an
   * ellipsis. Never splits a surrogate pair. "" for null.
   */
  public static String excerpt(String text, int maxChars) {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars must be at least 1, was " + maxChars);
    }
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars + 1));
    boolean pendingSpace = false;
    int i = 0;
    // Read a little past the bound only to learn whether there is more to cut.
    while (i < text.length() && out.length() <= maxChars) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (unsafe(cp)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.appendCodePoint(cp);
    }
    boolean cut = out.length() > maxChars || hasVisibleRest(text, i);
    if (!cut) {
      return out.toString();
    }
    int keep = Math.max(0, maxChars - ELLIPSIS.length());
    if (keep > 0 && keep < out.length() && Character.isLowSurrogate(out.charAt(keep))) {
      keep--;
    }
    out.setLength(Math.min(keep, out.length()));
    return out.toString().stripTrailing() + ELLIPSIS;
  }

  private static boolean hasVisibleRest(String text, int from) {
    for (int i = from; i < text.length(); ) {
      int cp = text.codePointAt(i);
      if (!unsafe(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }

  /**
   * Whitespace, control, format (bidi, zero-width), line/paragraph separator, unassigned or
   * surrogate code.
   */
  private static boolean unsafe(int cp) {
    if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.PRIVATE_USE,
          Character.SURROGATE,
          Character.UNASSIGNED ->
          true;
      default -> false;
    };
  }
}
