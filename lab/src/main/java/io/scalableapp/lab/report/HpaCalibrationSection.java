package io.scalableapp.lab.report;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * How well the lab's realistic HPA matched a real one: the figures {@code make bench-live} measured
 * (docs/bench-live/calibration.properties), or a line saying there are none.
 */
public final class HpaCalibrationSection {

  private HpaCalibrationSection() {}

  /**
   * The section; {@code calibration} is the properties file, {@code link} the live report, relative
   * to the lab's.
   */
  public static String render(Path calibration, String link) {
    StringBuilder md = new StringBuilder("## The realistic HPA against a real one\n\n");
    if (!Files.isRegularFile(calibration)) {
      return md.append("No live calibration found at ")
          .append(calibration)
          .append(": `make bench-live` measures a real HPA on a real node and writes it.\n")
          .toString();
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(calibration)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + calibration, e);
    }
    return md.append("On the live run ")
        .append(p.getProperty("run"))
        .append(" ([")
        .append(link)
        .append("](")
        .append(link)
        .append(")), the realistic HPA model, given that run's settings in trace time, kept ")
        .append("a replica count ")
        .append(p.getProperty("meanAbsoluteError"))
        .append(
            " replicas from the measured one on average (mean absolute error), and reached each higher ")
        .append("count ")
        .append(p.getProperty("meanScaleUpLagMinutes"))
        .append(" trace minutes before the real HPA did on average (negative: after).\n")
        .toString();
  }
}
