package io.scalableapp.engine.prometheus;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalableapp.engine.series.Series;
import io.scalableapp.engine.text.UntrustedText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The body of one range query as it arrives: a 200 answer goes through {@link RangeAnswerParser};
 * any other status keeps at most {@link #MAX_ERROR_BYTES} of the body, of which only the sanitised
 * error message is reported. Either way nothing is buffered whole, and {@link #cancel()} ends the
 * exchange at once.
 */
final class RangeAnswerSubscriber implements HttpResponse.BodySubscriber<Series> {
  /** Enough for Prometheus's JSON error; an HTML error page of a proxy is cut. */
  static final int MAX_ERROR_BYTES = 16 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final CompletableFuture<Series> result = new CompletableFuture<>();
  private final int status;
  private final RangeAnswerParser parser;
  private final ByteArrayOutputStream error = new ByteArrayOutputStream();
  private volatile Flow.Subscription subscription;

  RangeAnswerSubscriber(int status, RangeAnswerParser parser) {
    this.status = status;
    this.parser = parser;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    try {
      for (ByteBuffer buffer : buffers) {
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        if (status == 200) {
          parser.feed(chunk, 0, chunk.length);
        } else {
          error.write(chunk, 0, Math.min(chunk.length, MAX_ERROR_BYTES - error.size()));
          if (error.size() >= MAX_ERROR_BYTES) {
            subscription.cancel();
            onComplete();
            return;
          }
        }
      }
      subscription.request(1);
    } catch (IOException | RuntimeException e) {
      subscription.cancel();
      result.completeExceptionally(e);
    }
  }

  @Override
  public void onError(Throwable throwable) {
    result.completeExceptionally(throwable);
  }

  @Override
  public void onComplete() {
    if (result.isDone()) {
      return;
    }
    try {
      if (status != 200) {
        throw new IOException(
            "Prometheus answered HTTP "
                + status
                + ": "
                + errorOf(error.toString(StandardCharsets.UTF_8)));
      }
      result.complete(parser.finish());
    } catch (IOException | RuntimeException e) {
      result.completeExceptionally(e);
    }
  }

  @Override
  public CompletionStage<Series> getBody() {
    return result;
  }

  /** Stops reading: the deadline passed or the caller gave up. */
  void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
    result.cancel(false);
  }

  /**
   * Prometheus's own error message when the body is its JSON error, else the body; sanitised and
   * bounded.
   */
  static String errorOf(String body) {
    String message = body;
    try {
      var error = JSON.readTree(body).path("error");
      if (error.isTextual()) {
        message = error.asText();
      }
    } catch (IOException e) {
      // not JSON (a proxy's page): the body itself, cut below
    }
    return UntrustedText.excerpt(message);
  }
}
