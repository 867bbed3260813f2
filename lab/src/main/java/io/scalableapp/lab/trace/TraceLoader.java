package io.scalableapp.lab.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a two-column CSV of request counts ({@code minute,count} or {@code timestamp,count}) into a
 * per-minute {@link Trace}.
 *
 * <p>Logs aggregated per minute list only minutes that saw a request, so a missing minute inside the span
 * means zero demand and is filled with 0. Known gaps (log ends, outages) are the exception: they are passed
 * in and masked, because an outage is not a quiet minute. Rows in the same minute are summed.
 *
 * <p>Accepted timestamps: {@code yyyy-MM-dd HH:mm[:ss]}, ISO-8601 local or with offset/{@code Z}
 * (converted to UTC), or epoch seconds.
 */
public final class TraceLoader {

    private static final DateTimeFormatter SPACE_SEPARATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    public Trace load(Path csv, String name, List<TraceGap> gaps) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return read(reader, name, gaps);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + csv, e);
        }
    }

    public Trace read(Reader source, String name, List<TraceGap> gaps) throws IOException {
        Map<LocalDateTime, Double> counts = new TreeMap<>();
        BufferedReader reader = new BufferedReader(source);
        String header = reader.readLine();
        if (header == null || !header.toLowerCase().contains("count")) {
            throw new IllegalArgumentException(name + ": expected a header 'minute,count' or 'timestamp,count'");
        }
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            int comma = line.indexOf(',');
            if (comma < 0) {
                throw new IllegalArgumentException(name + " line " + lineNumber + ": expected two columns");
            }
            LocalDateTime minute = parseMinute(line.substring(0, comma).trim(), name, lineNumber);
            double count = Double.parseDouble(line.substring(comma + 1).trim());
            if (count < 0 || !Double.isFinite(count)) {
                throw new IllegalArgumentException(name + " line " + lineNumber + ": bad count " + count);
            }
            counts.merge(minute, count, Double::sum);
        }
        if (counts.isEmpty()) {
            throw new IllegalArgumentException(name + ": no rows");
        }
        return toTrace(name, (TreeMap<LocalDateTime, Double>) counts, gaps);
    }

    private static Trace toTrace(String name, TreeMap<LocalDateTime, Double> counts, List<TraceGap> gaps) {
        LocalDateTime first = counts.firstKey();
        int length = (int) ChronoUnit.MINUTES.between(first, counts.lastKey()) + 1;
        double[] demand = new double[length];
        boolean[] observed = new boolean[length];
        for (int i = 0; i < length; i++) {
            LocalDateTime minute = first.plusMinutes(i);
            observed[i] = gaps.stream().noneMatch(g -> g.contains(minute));
            demand[i] = counts.getOrDefault(minute, 0.0);
        }
        return new Trace(name, first, demand, observed);
    }

    static LocalDateTime parseMinute(String text, String name, int lineNumber) {
        try {
            LocalDateTime t;
            if (text.chars().allMatch(Character::isDigit)) {
                t = LocalDateTime.ofInstant(Instant.ofEpochSecond(Long.parseLong(text)), ZoneOffset.UTC);
            } else if (text.contains("T") && (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$"))) {
                t = OffsetDateTime.parse(text).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            } else if (text.contains("T")) {
                t = LocalDateTime.parse(text);
            } else {
                t = LocalDateTime.parse(text, SPACE_SEPARATED);
            }
            return t.truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException(name + " line " + lineNumber + ": bad timestamp '" + text + "'", e);
        }
    }
}
