package io.scalableapp.operator.cdn.varnish;

import io.scalableapp.operator.cdn.CdnProviderException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Sends one BAN to every edge address; the generated VCL evaluates the expression with std.ban. */
public final class VarnishBanClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

  /** Returns how many edges applied the ban; throws unless every one did, naming those that did not. */
  public int ban(List<InetSocketAddress> edges, String expression) {
    if (edges.isEmpty()) {
      throw new CdnProviderException("EdgeNotReady", "no edge pod is ready to receive the BAN; retrying");
    }
    List<String> failures = new ArrayList<>();
    for (InetSocketAddress edge : edges) {
      String where = edge.getHostString() + ":" + edge.getPort();
      try {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + where + "/"))
            .timeout(TIMEOUT)
            .header(VclGenerator.BAN_HEADER, expression)
            .method("BAN", HttpRequest.BodyPublishers.noBody())
            .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
          failures.add(where + " answered " + response.statusCode() + " " + firstLine(response.body()));
        }
      } catch (IOException e) {
        failures.add(where + " unreachable (" + e.getClass().getSimpleName() + ")");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CdnProviderException("ProviderUnreachable", "interrupted while sending BANs");
      }
    }
    if (!failures.isEmpty()) {
      throw new CdnProviderException("PurgeFailed", "BAN reached " + (edges.size() - failures.size()) + " of "
          + edges.size() + " edge pods: " + String.join("; ", failures));
    }
    return edges.size();
  }

  private static String firstLine(String body) {
    String line = body.strip().lines().findFirst().orElse("");
    return line.length() > 120 ? line.substring(0, 120) : line;
  }
}
