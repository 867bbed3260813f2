package io.scalableapp.lab.trace;

import io.scalableapp.engine.replay.trace.Trace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The real traces shipped in the repository's {@code lab/traces}, with the gaps their README
 * documents.
 */
public final class TraceCatalog {

  public static final String NASA = "NASA-1995";
  public static final String WORLD_CUP = "WorldCup-1998";
  public static final String NASA_FILE = "nasa-1995-per-minute.csv.gz";
  public static final String WORLD_CUP_FILE = "worldcup98-per-minute.csv.gz";

  /**
   * NASA: the July log stops after 1995-07-28 13:32 and the August log starts 1995-08-01 00:00; the
   * server was down between the requests logged at 1995-08-01 14:52 and 1995-08-03 04:36.
   */
  public static final List<TraceGap> NASA_GAPS =
      List.of(
          new TraceGap(LocalDateTime.of(1995, 7, 28, 13, 33), LocalDateTime.of(1995, 8, 1, 0, 0)),
          new TraceGap(LocalDateTime.of(1995, 8, 1, 14, 53), LocalDateTime.of(1995, 8, 3, 4, 36)));

  private final Path directory;
  private final TraceLoader loader = new TraceLoader();

  public TraceCatalog(Path directory) {
    this.directory = directory;
  }

  /**
   * The repository's {@code lab/traces}, found by walking up from {@code start} so the lab also
   * runs from a module directory.
   */
  public static Path locate(Path start) {
    for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("lab/traces");
      if (Files.isRegularFile(candidate.resolve(NASA_FILE))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "cannot find lab/traces above " + start.toAbsolutePath() + "; pass --traces DIR");
  }

  public Trace nasa() {
    return loader.load(directory.resolve(NASA_FILE), NASA, NASA_GAPS);
  }

  public Trace worldCup() {
    return loader.load(directory.resolve(WORLD_CUP_FILE), WORLD_CUP, List.of());
  }

  /** A user trace: {@code timestamp,count}; no gaps known, so every minute in its span counts. */
  public Trace user(String name, Path csv) {
    return loader.load(csv, name, List.of());
  }
}
