package io.scalableapp.engine.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with a deadline for the whole of it and a bound on the body. The JDK's request
 * timeout stops counting once the response headers arrive, so a server that trickles its body would
 * otherwise hold the caller for as long as it likes; and a body read whole could be as large as the
 * server likes.
 */
public final class BoundedExchange {

  private BoundedExchange() {}

  /**
   * Sends {@code request} and reads the body as UTF-8 text. Throws {@link DeadlineException} when
   * the headers and the whole body have not arrived within {@code deadline} (the exchange is then
   * abandoned), and {@link BodyTooLargeException} when the body exceeds {@code maxBodyBytes}.
   */
  public static HttpResponse<String> send(
      HttpClient http, HttpRequest request, Duration deadline, int maxBodyBytes)
      throws IOException, InterruptedException {
    BoundedBody body = new BoundedBody(maxBodyBytes);
    return send(http, request, deadline, info -> body, body::abandon);
  }

  /**
   * Sends {@code request} and reads the body with {@code bodyHandler}, all within {@code deadline}.
   * When the deadline passes or the caller is interrupted, {@code onAbandon} runs (it should stop
   * the handler's subscriber, which closes the connection) and the exchange is cancelled. A failure
   * of the exchange is rethrown as the blocking {@link HttpClient#send} would throw it, so callers
   * still tell e.g. an unreachable server ({@link java.net.ConnectException}, {@link
   * java.net.http.HttpConnectTimeoutException}) by its type.
   *
   * @throws DeadlineException the headers and the whole body did not arrive within {@code deadline}
   */
  public static <T> HttpResponse<T> send(
      HttpClient http,
      HttpRequest request,
      Duration deadline,
      HttpResponse.BodyHandler<T> bodyHandler,
      Runnable onAbandon)
      throws IOException, InterruptedException {
    CompletableFuture<HttpResponse<T>> exchange = http.sendAsync(request, bodyHandler);
    try {
      return exchange.get(Math.max(1, deadline.toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      abandon(exchange, onAbandon);
      throw new DeadlineException(deadline);
    } catch (InterruptedException e) {
      abandon(exchange, onAbandon);
      throw e;
    } catch (CancellationException e) {
      throw new IOException("the exchange was cancelled", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause == null ? "the exchange failed" : cause.toString(), cause);
    }
  }

  private static void abandon(CompletableFuture<?> exchange, Runnable onAbandon) {
    onAbandon.run();
    exchange.cancel(true);
  }

  /** The whole exchange, body included, did not complete within its deadline; it was abandoned. */
  public static final class DeadlineException extends HttpTimeoutException {
    private final Duration deadline;

    DeadlineException(Duration deadline) {
      super("no complete answer within " + deadline.toMillis() + " ms");
      this.deadline = deadline;
    }

    public Duration deadline() {
      return deadline;
    }
  }

  /** The body exceeded the bound the caller set. */
  public static final class BodyTooLargeException extends IOException {
    BodyTooLargeException(int maxBodyBytes) {
      super("the response body exceeds " + maxBodyBytes + " bytes");
    }
  }

  /**
   * Collects the body up to a bound; cancels the subscription (closing the connection) past it or
   * when abandoned.
   */
  private static final class BoundedBody implements HttpResponse.BodySubscriber<String> {
    private final int maxBytes;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile boolean abandoned;

    BoundedBody(int maxBytes) {
      if (maxBytes < 0) {
        throw new IllegalArgumentException("maxBodyBytes must not be negative");
      }
      this.maxBytes = maxBytes;
    }

    @Override
    public CompletionStage<String> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (abandoned) {
        s.cancel();
      } else {
        s.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > maxBytes) {
          subscription.cancel();
          result.completeExceptionally(new BodyTooLargeException(maxBytes));
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toString(StandardCharsets.UTF_8));
    }

    void abandon() {
      abandoned = true;
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
      result.cancel(false);
    }
  }
}
