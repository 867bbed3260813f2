package io.scalableapp.operator.cdn.varnish;

import io.scalableapp.engine.http.BoundedExchange;
import io.scalableapp.engine.text.UntrustedText;
import io.scalableapp.operator.cdn.CdnProviderException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one BAN to every edge's purge listener, with the app's purge token; the generated VCL bans
 * what the app's spec.cdn.purge says. Each exchange has a deadline for the whole of it, body
 * included.
 */
public final class VarnishBanClient {
  /** An edge's answer is a one-line synthetic page; anything longer is not worth reading. */
  private static final int MAX_BODY_BYTES = 16 * 1024;

  private final HttpClient http;
  private final Duration timeout;

  public VarnishBanClient(Duration timeout) {
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * Returns how many edges applied the ban; throws unless every one did, naming those that did not.
   */
  public int ban(List<InetSocketAddress> edges, String purgeToken) {
    if (edges.isEmpty()) {
      throw new CdnProviderException(
          "EdgeNotReady", "no edge pod is ready to receive the BAN; retrying");
    }
    List<String> failures = new ArrayList<>();
    int unreachable = 0;
    for (InetSocketAddress edge : edges) {
      String where = edge.getHostString() + ":" + edge.getPort();
      try {
        HttpRequest request =
            HttpRequest.newBuilder(URI.create("http://" + where + "/"))
                .timeout(timeout)
                .header(VclGenerator.TOKEN_HEADER, purgeToken)
                .method("BAN", HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response =
            BoundedExchange.send(http, request, timeout, MAX_BODY_BYTES);
        if (response.statusCode() != 200) {
          failures.add(
              where
                  + " answered "
                  + response.statusCode()
                  + " "
                  + UntrustedText.excerpt(response.body(), 120));
        }
      } catch (HttpTimeoutException e) {
        unreachable++;
        failures.add(where + " did not answer within " + timeout.toSeconds() + "s");
      } catch (IOException e) {
        unreachable++;
        failures.add(where + " unreachable (" + e.getClass().getSimpleName() + ")");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CdnProviderException("ProviderUnreachable", "interrupted while sending BANs");
      }
    }
    if (!failures.isEmpty()) {
      throw new CdnProviderException(
          unreachable == edges.size() ? "ProviderUnreachable" : "PurgeFailed",
          "BAN reached "
              + (edges.size() - failures.size())
              + " of "
              + edges.size()
              + " edge pods: "
              + String.join("; ", failures));
    }
    return edges.size();
  }
}
