package io.scalableapp.lab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Command line of {@link ScalingLab}: {@code --trace [NAME=]FILE} (a CSV or a Prometheus
 * range-query JSON export; repeatable; when given, only these traces are replayed, named after the
 * file unless NAME is set), {@code --out DIR} (default docs/scaling-lab), {@code --traces DIR} (the
 * NASA and WorldCup files; default lab/traces in the repository), {@code --threads N} (default:
 * available processors), {@code --no-published} (skip the 5-minute NASA protocol), {@code --only
 * NAME} (replay only the catalog trace of that name, e.g. NASA-1995; repeatable), {@code
 * --tune-only} (choose the jump floors on the training parts, print the tables, write nothing).
 */
record LabOptions(
    Path out,
    Path traces,
    List<UserTrace> userTraces,
    List<String> only,
    int threads,
    boolean published,
    boolean tuneOnly) {

  static final String USAGE =
      "usage: [--trace [NAME=]FILE]... [--out DIR] [--traces DIR] [--threads N] "
          + "[--no-published] [--only NAME]... [--tune-only]";

  /**
   * Options for the given traces only, every catalog trace otherwise (as {@link WhatIf} builds
   * them).
   */
  LabOptions(
      Path out,
      Path traces,
      List<UserTrace> userTraces,
      int threads,
      boolean published,
      boolean tuneOnly) {
    this(out, traces, userTraces, List.of(), threads, published, tuneOnly);
  }

  /** A trace the user passed, and the name the report gives it. */
  record UserTrace(String name, Path file) {

    static UserTrace parse(String spec) {
      int eq = spec.indexOf('=');
      if (eq > 0 && !spec.substring(0, eq).contains("/")) {
        return new UserTrace(spec.substring(0, eq), Path.of(spec.substring(eq + 1)));
      }
      Path file = Path.of(spec);
      String name = file.getFileName().toString().replaceFirst("\\.[^.]+$", "");
      return new UserTrace(name, file);
    }
  }

  static LabOptions parse(String[] args) {
    Path out = Path.of("docs/scaling-lab");
    Path traces = null;
    List<UserTrace> user = new ArrayList<>();
    List<String> only = new ArrayList<>();
    int threads = Runtime.getRuntime().availableProcessors();
    boolean published = true;
    boolean tuneOnly = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--out" -> out = Path.of(value(args, ++i));
        case "--traces" -> traces = Path.of(value(args, ++i));
        case "--trace" -> user.add(UserTrace.parse(value(args, ++i)));
        case "--threads" -> threads = Integer.parseInt(value(args, ++i));
        case "--no-published" -> published = false;
        case "--only" -> only.add(value(args, ++i));
        case "--tune-only" -> tuneOnly = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
      }
    }
    return new LabOptions(out, traces, user, only, threads, published && user.isEmpty(), tuneOnly);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value; " + USAGE);
    }
    return args[i];
  }
}
