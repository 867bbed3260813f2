package io.scalableapp.operator.cdn;

/**
 * What is live at a provider for one app: {@code version} identifies the applied configuration (a
 * hash of the generated VCL, a ruleset version); {@code description} is a short sentence for status
 * and Events.
 */
public record AppliedCdn(String version, String description) {}
