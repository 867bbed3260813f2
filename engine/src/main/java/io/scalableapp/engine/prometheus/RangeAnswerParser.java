package io.scalableapp.engine.prometheus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import io.scalableapp.engine.series.Series;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Reads a {@code query_range} answer as its bytes arrive, keeping only the one series' values at
 * their steps: memory stays that of the points asked for, whatever Prometheus sends. A query
 * without {@code sum()} can answer a hundred series of 10,000 points, some 200 MB, which buffered
 * whole would exhaust the operator's heap; here the extra series are only counted, so the refusal
 * can say how many there were.
 */
final class RangeAnswerParser {
  private static final JsonFactory JSON = new JsonFactory();

  private final JsonParser parser;
  private final ByteArrayFeeder feeder;
  private final long fromSecond;
  private final long stepSeconds;
  private final double[] values;
  private final Instant from;
  private final Duration step;
  private int series;
  private int samples;
  private double sampleTime = Double.NaN;

  RangeAnswerParser(Instant from, Duration step, int points) throws IOException {
    this.parser = JSON.createNonBlockingByteArrayParser();
    this.feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
    this.from = from;
    this.step = step;
    this.fromSecond = from.getEpochSecond();
    this.stepSeconds = step.getSeconds();
    this.values = new double[points];
    Arrays.fill(values, Double.NaN);
  }

  /**
   * Parses everything in {@code bytes} that forms whole tokens; the rest waits for the next feed.
   */
  void feed(byte[] bytes, int offset, int length) throws IOException {
    feeder.feedInput(bytes, offset, offset + length);
    drain();
  }

  /** The series; throws when the answer was not one series (or none). */
  Series finish() throws IOException {
    feeder.endOfInput();
    drain();
    if (series > 1) {
      throw new IOException(
          "the query returned " + series + " series; aggregate it to one, e.g. with sum()");
    }
    return Series.of(from, step, values);
  }

  /** Series seen so far. */
  int series() {
    return series;
  }

  /** Samples kept from the one series. */
  int samples() {
    return samples;
  }

  private void drain() throws IOException {
    JsonToken token;
    while ((token = parser.nextToken()) != null && token != JsonToken.NOT_AVAILABLE) {
      if (token == JsonToken.START_OBJECT && isSeries(parser.getParsingContext())) {
        series++;
      } else if (series == 1 && token.isScalarValue()) {
        sample(token, parser.getParsingContext());
      }
    }
  }

  /** {@code [time, "value"]} of the first series' {@code values}: placed at its step. */
  private void sample(JsonToken token, JsonStreamContext pair) throws IOException {
    JsonStreamContext list = pair.getParent();
    if (!pair.inArray()
        || list == null
        || !list.inArray()
        || list.getParent() == null
        || !"values".equals(list.getParent().getCurrentName())
        || !isSeries(list.getParent())) {
      return;
    }
    if (pair.getCurrentIndex() == 0 && token.isNumeric()) {
      sampleTime = parser.getDoubleValue();
    } else if (pair.getCurrentIndex() == 1
        && token == JsonToken.VALUE_STRING
        && !Double.isNaN(sampleTime)) {
      long offset = Math.round((sampleTime - fromSecond) / stepSeconds);
      if (offset >= 0 && offset < values.length) {
        values[(int) offset] = parse(parser.getText());
        samples++;
      }
      sampleTime = Double.NaN;
    }
  }

  /** The context of one element of {@code data.result}. */
  private static boolean isSeries(JsonStreamContext element) {
    JsonStreamContext result = element.getParent();
    JsonStreamContext data = result == null ? null : result.getParent();
    JsonStreamContext root = data == null ? null : data.getParent();
    return element.inObject()
        && result.inArray()
        && data.inObject()
        && "result".equals(data.getCurrentName())
        && root != null
        && root.inObject()
        && "data".equals(root.getCurrentName())
        && root.getParent() != null
        && root.getParent().inRoot();
  }

  private static double parse(String value) {
    return switch (value) {
      case "NaN" -> Double.NaN;
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(value);
    };
  }
}
