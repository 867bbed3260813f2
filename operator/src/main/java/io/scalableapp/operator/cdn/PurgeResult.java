package io.scalableapp.operator.cdn;

/**
 * The provider's id for a purge (a Cloudflare purge id, the edge pods a BAN reached) and a short
 * description.
 */
public record PurgeResult(String id, String description) {}
