package io.scalableapp.lab;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command line of {@link ScalingLab}: {@code --out DIR} (default docs/scaling-lab), {@code --traces DIR}
 * (default: ../shared/traces beside the repository), {@code --trace NAME=FILE.csv} (extra user trace,
 * repeatable), {@code --threads N} (default: available processors), {@code --no-published} (skip the
 * 5-minute NASA protocol).
 */
record LabOptions(Path out, Path traces, Map<String, Path> userTraces, int threads, boolean published) {

    static LabOptions parse(String[] args) {
        Path out = Path.of("docs/scaling-lab");
        Path traces = null;
        Map<String, Path> user = new LinkedHashMap<>();
        int threads = Runtime.getRuntime().availableProcessors();
        boolean published = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(value(args, ++i));
                case "--traces" -> traces = Path.of(value(args, ++i));
                case "--trace" -> {
                    String spec = value(args, ++i);
                    int eq = spec.indexOf('=');
                    if (eq <= 0) {
                        throw new IllegalArgumentException("--trace expects NAME=FILE.csv, got " + spec);
                    }
                    user.put(spec.substring(0, eq), Path.of(spec.substring(eq + 1)));
                }
                case "--threads" -> threads = Integer.parseInt(value(args, ++i));
                case "--no-published" -> published = false;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; usage: [--out DIR] [--traces DIR] [--trace NAME=FILE.csv]... [--threads N] [--no-published]");
            }
        }
        return new LabOptions(out, traces, user, threads, published);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
