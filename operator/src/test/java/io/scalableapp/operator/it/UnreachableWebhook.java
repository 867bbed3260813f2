package io.scalableapp.operator.it;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * An admission webhook that cannot be reached, failurePolicy Fail: the API server refuses, with a
 * 500, every create and update of one app's Deployment in one namespace until it is deleted.
 */
final class UnreachableWebhook implements AutoCloseable {
  private final KubernetesClient client;
  private final GenericKubernetesResource webhook;

  private UnreachableWebhook(KubernetesClient client, GenericKubernetesResource webhook) {
    this.client = client;
    this.webhook = webhook;
  }

  static UnreachableWebhook refuseDeploymentOf(
      KubernetesClient client, String namespace, String app) {
    GenericKubernetesResource webhook =
        Serialization.unmarshal(
            """
        apiVersion: admissionregistration.k8s.io/v1
        kind: ValidatingWebhookConfiguration
        metadata: {name: refuse-%1$s-%2$s}
        webhooks:
        - name: refuse.scalableapp.io
          admissionReviewVersions: [v1]
          sideEffects: None
          failurePolicy: Fail
          timeoutSeconds: 2
          clientConfig: {url: "https://127.0.0.1:1/refuse"}
          namespaceSelector:
            matchLabels: {kubernetes.io/metadata.name: %2$s}
          objectSelector:
            matchLabels: {app.kubernetes.io/instance: %1$s}
          rules:
          - apiGroups: [apps]
            apiVersions: [v1]
            operations: [CREATE, UPDATE]
            resources: [deployments]
        """
                .formatted(app, namespace),
            GenericKubernetesResource.class);
    client.resource(webhook).serverSideApply();
    return new UnreachableWebhook(client, webhook);
  }

  @Override
  public void close() {
    client.resource(webhook).delete();
  }
}
