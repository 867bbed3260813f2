package io.scalableapp.operator.cdn.cloudflare;

import io.scalableapp.operator.cdn.CdnPolicy.PathMatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Expressions in Cloudflare's Rules language for what a cache rule matches, using only the fields
 * Cloudflare lists for cache rules (http.host, http.request.uri.path, http.cookie,
 * http.request.headers) and the documented functions and operators. Values reaching here are
 * validated by the CRD (no quotes, no backslashes).
 */
final class RulesLanguage {
  /** Cloudflare's limit on the length of one rule expression. */
  static final int MAX_EXPRESSION_LENGTH = 4096;

  private RulesLanguage() {}

  /**
   * The request is for one of {@code hosts}; "*.example.com" matches its subdomains, as DNS
   * wildcards do.
   */
  static String hostIn(List<String> hosts) {
    List<String> exact = hosts.stream().filter(h -> !h.startsWith("*.")).toList();
    List<String> clauses = new ArrayList<>();
    if (!exact.isEmpty()) {
      clauses.add(
          "http.host in {"
              + exact.stream().map(RulesLanguage::quote).collect(Collectors.joining(" "))
              + "}");
    }
    hosts.stream()
        .filter(h -> h.startsWith("*."))
        .forEach(h -> clauses.add("ends_with(http.host, " + quote(h.substring(1)) + ")"));
    return anyOf(clauses);
  }

  /**
   * The path matches: a prefix with starts_with(); a glob whose stars all come in pairs ("**", any
   * characters) with the strict wildcard operator, available on every plan; a glob with a single
   * "*" (within one segment), which Cloudflare's wildcards cannot express, with a regular
   * expression (matches: Business and Enterprise).
   */
  static String path(PathMatch match) {
    return switch (match.kind()) {
      case PREFIX -> "starts_with(http.request.uri.path, " + quote(match.pattern()) + ")";
      case GLOB ->
          needsRegex(match.pattern())
              ? "http.request.uri.path matches " + quote(globRegex(match.pattern()))
              : "http.request.uri.path strict wildcard "
                  + quote(match.pattern().replace("**", "*"));
    };
  }

  /**
   * Whether the glob has a single "*", which only the regex operator can keep within one path
   * segment.
   */
  static boolean needsRegex(String glob) {
    return glob.replace("**", "").contains("*");
  }

  /**
   * The request carries the cookie (as Cloudflare's "Bypass Cache on Cookie" example matches it).
   */
  static String hasCookie(String name) {
    return "http.cookie contains " + quote(name + "=");
  }

  /** The request carries the header, whatever the case of its name. */
  static String hasHeader(String name) {
    return "any(lower(http.request.headers.names[*])[*] eq "
        + quote(name.toLowerCase(Locale.ROOT))
        + ")";
  }

  static String anyOf(List<String> clauses) {
    return clauses.size() == 1
        ? clauses.get(0)
        : clauses.stream().map(c -> "(" + c + ")").collect(Collectors.joining(" or "));
  }

  static String allOf(List<String> clauses) {
    return clauses.stream().map(c -> "(" + c + ")").collect(Collectors.joining(" and "));
  }

  static String not(String clause) {
    return "not (" + clause + ")";
  }

  /**
   * A glob as an anchored regex: "**" any characters, "*" any within a segment, other characters
   * literal.
   */
  private static String globRegex(String glob) {
    StringBuilder regex = new StringBuilder("^");
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (Character.isLetterOrDigit(c)
          || c == '/'
          || c == '-'
          || c == '_'
          || c == '~'
          || c == '%'
          || c == '@'
          || c == ':'
          || c == ','
          || c == ';'
          || c == '='
          || c == '!') {
        regex.append(c);
      } else {
        regex
            .append('[')
            .append(c)
            .append(']'); // ".", "+", "$": literal inside a class, no backslash to escape
      }
    }
    return regex.append('$').toString();
  }

  /**
   * A string literal; the CRD's patterns keep quotes and backslashes out, escaping them is belt and
   * braces.
   */
  static String quote(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
