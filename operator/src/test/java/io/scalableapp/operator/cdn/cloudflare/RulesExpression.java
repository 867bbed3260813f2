package io.scalableapp.operator.cdn.cloudflare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An evaluator for the part of Cloudflare's Rules language that cache rules about hosts, paths,
 * cookies and headers use, written from Cloudflare's reference (fields, operators, functions, array
 * {@code [*]} expansion): {@code and or not}, parentheses, {@code eq == ne != contains matches in
 * wildcard strict wildcard}, sets {@code {"a" "b"}}, the functions {@code starts_with ends_with
 * lower len any}, and the fields {@code http.host http.request.uri.path http.cookie
 * http.request.headers.names}. The stand-in refuses what it cannot parse, and tests evaluate
 * generated rules against requests with it. Anything outside this part of the language is refused
 * rather than guessed.
 */
final class RulesExpression {
  /**
   * The request fields an expression can read. Header names keep their case, as Cloudflare
   * documents.
   */
  record HttpRequest(String host, String path, String cookie, List<String> headerNames) {
    static HttpRequest of(String host, String path) {
      return new HttpRequest(host, path, "", List.of());
    }

    HttpRequest withCookie(String cookie) {
      return new HttpRequest(host, path, cookie, headerNames);
    }

    HttpRequest withHeader(String name) {
      List<String> names = new ArrayList<>(headerNames);
      names.add(name);
      return new HttpRequest(host, path, cookie, names);
    }
  }

  private static final Map<String, Function<HttpRequest, Object>> FIELDS =
      Map.of(
          "http.host", HttpRequest::host,
          "http.request.uri.path", HttpRequest::path,
          "http.cookie", HttpRequest::cookie,
          "http.request.headers.names", r -> List.copyOf(r.headerNames()));
  private static final Pattern TOKEN =
      Pattern.compile(
          "\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|\\[\\*]|==|!=|\\|\\||&&|!|[(){},]|[A-Za-z_][A-Za-z0-9_.]*)");

  private final List<String> tokens;
  private int next;

  private RulesExpression(List<String> tokens) {
    this.tokens = tokens;
  }

  /**
   * Whether {@code expression} matches {@code request}; IllegalArgumentException when it is not
   * valid.
   */
  static boolean matches(String expression, HttpRequest request) {
    Node node = parse(expression);
    return truth(node.eval(request));
  }

  /** Parses {@code expression}; IllegalArgumentException with the reason when it is not valid. */
  static Node parse(String expression) {
    List<String> tokens = new ArrayList<>();
    var matcher = TOKEN.matcher(expression);
    int at = 0;
    while (at < expression.length()) {
      if (expression.substring(at).isBlank()) {
        break;
      }
      if (!matcher.find(at) || matcher.start() != at) {
        throw new IllegalArgumentException(
            "unexpected character at " + at + ": " + expression.substring(at));
      }
      tokens.add(matcher.group(1));
      at = matcher.end();
    }
    RulesExpression parser = new RulesExpression(tokens);
    Node node = parser.or();
    if (parser.next != tokens.size()) {
      throw new IllegalArgumentException("unexpected '" + tokens.get(parser.next) + "'");
    }
    return node;
  }

  interface Node {
    Object eval(HttpRequest request);
  }

  private Node or() {
    Node left = and();
    while (accept("or") || accept("||")) {
      Node l = left;
      Node r = and();
      left = q -> truth(l.eval(q)) || truth(r.eval(q));
    }
    return left;
  }

  private Node and() {
    Node left = unary();
    while (accept("and") || accept("&&")) {
      Node l = left;
      Node r = unary();
      left = q -> truth(l.eval(q)) && truth(r.eval(q));
    }
    return left;
  }

  private Node unary() {
    if (accept("not") || accept("!")) {
      Node inner = unary();
      return q -> !truth(inner.eval(q));
    }
    if (accept("(")) {
      Node inner = or();
      expect(")");
      return inner;
    }
    return comparison();
  }

  private Node comparison() {
    Node left = value();
    String op = peek();
    if (op == null) {
      return left;
    }
    switch (op) {
      case "eq", "==", "ne", "!=", "contains" -> {
        next++;
        String literal = string();
        return q -> lift(left.eval(q), v -> compare(op, (String) v, literal));
      }
      case "matches", "wildcard", "strict" -> {
        next++;
        if (op.equals("strict")) {
          expect("wildcard");
        }
        String literal = string();
        Pattern pattern =
            op.equals("matches")
                ? Pattern.compile(literal)
                : wildcard(literal, op.equals("wildcard"));
        return q ->
            lift(
                left.eval(q),
                v ->
                    op.equals("matches")
                        ? pattern.matcher((String) v).find()
                        : pattern.matcher((String) v).matches());
      }
      case "in" -> {
        next++;
        expect("{");
        List<String> set = new ArrayList<>();
        while (!accept("}")) {
          set.add(string());
        }
        return q -> lift(left.eval(q), set::contains);
      }
      default -> {
        return left;
      }
    }
  }

  private Node value() {
    String token = take();
    Node node;
    if (token.startsWith("\"")) {
      String literal = unquote(token);
      node = q -> literal;
    } else if (accept("(")) {
      node = call(token);
    } else if (FIELDS.containsKey(token)) {
      node = q -> FIELDS.get(token).apply(q);
    } else {
      throw new IllegalArgumentException("unknown field '" + token + "'");
    }
    accept("[*]"); // expansion: the array's elements; functions and comparisons below apply to each
    return node;
  }

  private Node call(String function) {
    List<Node> args = new ArrayList<>();
    if (!accept(")")) {
      do {
        args.add(function.equals("any") ? or() : value());
      } while (accept(","));
      expect(")");
    }
    return switch (function) {
      case "starts_with", "ends_with" -> {
        arity(function, args, 2);
        yield q -> {
          String source = (String) args.get(0).eval(q);
          String affix = (String) args.get(1).eval(q);
          return function.equals("starts_with") ? source.startsWith(affix) : source.endsWith(affix);
        };
      }
      case "lower" -> {
        arity(function, args, 1);
        yield q -> lift(args.get(0).eval(q), v -> ((String) v).toLowerCase(Locale.ROOT));
      }
      case "len" -> {
        arity(function, args, 1);
        yield q -> lift(args.get(0).eval(q), v -> (long) ((String) v).length());
      }
      case "any" -> {
        arity(function, args, 1);
        yield q ->
            args.get(0).eval(q) instanceof List<?> list && list.stream().anyMatch(b -> truth(b));
      }
      default -> throw new IllegalArgumentException("unknown function '" + function + "'");
    };
  }

  private static boolean compare(String op, String value, String literal) {
    return switch (op) {
      case "eq", "==" -> value.equals(literal);
      case "ne", "!=" -> !value.equals(literal);
      case "contains" -> value.contains(literal);
      default -> throw new IllegalArgumentException(op);
    };
  }

  /**
   * A wildcard literal: "*" any characters, "\*" and "\\" escapes; "**" is invalid, as Cloudflare
   * says.
   */
  private static Pattern wildcard(String literal, boolean caseInsensitive) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '\\' && i + 1 < literal.length()) {
        regex.append(Pattern.quote(String.valueOf(literal.charAt(++i))));
      } else if (c == '*') {
        if (i + 1 < literal.length() && literal.charAt(i + 1) == '*') {
          throw new IllegalArgumentException(
              "two unescaped '*' in a row in wildcard literal " + literal);
        }
        regex.append(".*");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
  }

  private static Object lift(Object value, Function<Object, Object> f) {
    return value instanceof List<?> list ? list.stream().map(f).toList() : f.apply(value);
  }

  private static boolean truth(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    throw new IllegalArgumentException("expected a boolean, got " + value);
  }

  private static void arity(String function, List<Node> args, int count) {
    if (args.size() != count) {
      throw new IllegalArgumentException(
          function + "() takes " + count + " arguments, got " + args.size());
    }
  }

  private String string() {
    String token = take();
    if (!token.startsWith("\"")) {
      throw new IllegalArgumentException("expected a string literal, got '" + token + "'");
    }
    return unquote(token);
  }

  private static String unquote(String token) {
    return token.substring(1, token.length() - 1).replaceAll("\\\\(.)", "$1");
  }

  private String peek() {
    return next < tokens.size() ? tokens.get(next) : null;
  }

  private String take() {
    if (next >= tokens.size()) {
      throw new IllegalArgumentException("unexpected end of expression");
    }
    return tokens.get(next++);
  }

  private boolean accept(String token) {
    if (token.equals(peek())) {
      next++;
      return true;
    }
    return false;
  }

  private void expect(String token) {
    if (!accept(token)) {
      throw new IllegalArgumentException("expected '" + token + "' but got '" + peek() + "'");
    }
  }
}
