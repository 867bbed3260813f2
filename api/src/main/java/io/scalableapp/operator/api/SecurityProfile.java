package io.scalableapp.operator.api;

/** How locked down the app's pods are; the operator turns it into their securityContext. */
public enum SecurityProfile {
  /**
   * The image's own user and the runtime's default capabilities: meets Pod Security "baseline", and
   * runs images that start as root, such as nginx.
   */
  Baseline,
  /**
   * Meets Pod Security "restricted": non-root, RuntimeDefault seccomp, no capabilities, no
   * privilege escalation. The image must run as a non-root numeric user, e.g.
   * nginxinc/nginx-unprivileged.
   */
  Restricted
}
