package io.scalableapp.lab.trace;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the response of a Prometheus range query ({@code GET /api/v1/query_range}) saved as JSON:
 * {@code
 * {"status":"success","data":{"resultType":"matrix","result":[{"metric":{..},"values":[[ts,"v"],..]}]}}},
 * as documented at prometheus.io/docs/prometheus/latest/querying/api. Exactly one series is
 * accepted (the app's demand, aggregated with {@code sum(..)}); timestamps are Unix seconds
 * (fractions allowed), values are strings. A sample whose value is {@code "NaN"} has no data and
 * leaves its step unknown; any other unparsable or negative sample is an error naming its line.
 */
final class PrometheusExport {

  private static final JsonFactory JSON = new JsonFactory();

  private final String name;
  private final List<TraceLoader.TimedValue> samples = new ArrayList<>();
  private int series;

  PrometheusExport(String name) {
    this.name = name;
  }

  MinuteBuckets read(String text) throws IOException {
    try (JsonParser p = JSON.createParser(text)) {
      expect(p, p.nextToken(), JsonToken.START_OBJECT, "the response object");
      String status = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "status" -> status = p.getText();
          case "data" -> {
            expect(p, value, JsonToken.START_OBJECT, "\"data\" object");
            readData(p);
          }
          default -> p.skipChildren();
        }
      }
      if (!"success".equals(status)) {
        throw new IllegalArgumentException(
            name + ": not a successful Prometheus response (status " + status + ")");
      }
    } catch (JsonParseException e) {
      throw new IllegalArgumentException(
          name
              + " line "
              + e.getLocation().getLineNr()
              + ": not valid JSON: "
              + e.getOriginalMessage(),
          e);
    }
    if (series != 1) {
      throw new IllegalArgumentException(
          name
              + ": expected exactly one series, got "
              + series
              + (series > 1 ? "; aggregate them in the query, e.g. sum(rate(..))" : ""));
    }
    if (samples.isEmpty()) {
      throw new IllegalArgumentException(name + ": the series has no samples with a value");
    }
    return MinuteBuckets.ofRatesPerSecond(samples);
  }

  private void readData(JsonParser p) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (field.equals("resultType") && !"matrix".equals(p.getText())) {
        throw new IllegalArgumentException(
            name
                + " line "
                + line(p)
                + ": resultType is '"
                + p.getText()
                + "'; export a range query (matrix)");
      } else if (field.equals("result")) {
        expect(p, value, JsonToken.START_ARRAY, "\"result\" array");
        while (p.nextToken() == JsonToken.START_OBJECT) {
          series++;
          readSeries(p);
        }
      } else {
        p.skipChildren();
      }
    }
  }

  private void readSeries(JsonParser p) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      if (!field.equals("values")) {
        p.skipChildren();
        continue;
      }
      expect(p, value, JsonToken.START_ARRAY, "\"values\" array");
      while (p.nextToken() == JsonToken.START_ARRAY) {
        readSample(p);
      }
    }
  }

  /** One {@code [ts, "value"]} pair; the parser stands on its opening bracket. */
  private void readSample(JsonParser p) throws IOException {
    int line = line(p);
    JsonToken ts = p.nextToken();
    if (ts != JsonToken.VALUE_NUMBER_INT && ts != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new IllegalArgumentException(
          name + " line " + line + ": bad timestamp '" + p.getText() + "' (expected Unix seconds)");
    }
    double seconds = p.getDoubleValue();
    if (!Double.isFinite(seconds) || seconds < 0) {
      throw new IllegalArgumentException(
          name + " line " + line + ": bad timestamp '" + p.getText() + "'");
    }
    JsonToken v = p.nextToken();
    if (v != JsonToken.VALUE_STRING
        && v != JsonToken.VALUE_NUMBER_INT
        && v != JsonToken.VALUE_NUMBER_FLOAT) {
      throw new IllegalArgumentException(
          name + " line " + line + ": bad value '" + p.getText() + "'");
    }
    String text = p.getText();
    if (p.nextToken() != JsonToken.END_ARRAY) {
      throw new IllegalArgumentException(
          name + " line " + line + ": a sample is [timestamp, \"value\"]");
    }
    if (text.equals("NaN")) {
      return;
    }
    double value = TraceLoader.parseValue(text, name, line);
    samples.add(new TraceLoader.TimedValue(Math.round(seconds * 1000), value));
  }

  private void expect(JsonParser p, JsonToken actual, JsonToken expected, String what) {
    if (actual != expected) {
      throw new IllegalArgumentException(
          name
              + " line "
              + line(p)
              + ": expected "
              + what
              + " of a Prometheus query_range response");
    }
  }

  private static int line(JsonParser p) {
    return p.currentLocation().getLineNr();
  }
}
