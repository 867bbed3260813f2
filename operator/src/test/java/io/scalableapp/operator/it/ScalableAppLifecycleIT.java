package io.scalableapp.operator.it;

import static io.scalableapp.operator.it.AppAssertions.TIMEOUT;
import static io.scalableapp.operator.it.AppAssertions.awaitApp;
import static io.scalableapp.operator.it.AppAssertions.hasCondition;
import static io.scalableapp.operator.it.AppAssertions.observed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.status.Conditions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ScalableAppLifecycleIT {
  @RegisterExtension
  static final ClusterNamespace cluster = ClusterNamespace.withPrefix("lifecycle").withOperator();

  private ScalableApp create(String name) {
    return cluster.client().resource(TestApps.app(name, cluster.name())).create();
  }

  private <T extends HasMetadata> T child(Class<T> type, String name) {
    return cluster.client().resources(type).inNamespace(cluster.name()).withName(name).get();
  }

  private static boolean ownedBy(HasMetadata child, ScalableApp app) {
    return child.getMetadata().getOwnerReferences().stream()
        .anyMatch(o -> o.getUid().equals(app.getMetadata().getUid()));
  }

  private List<Pod> runningPods(String app, String image) {
    return cluster
        .client()
        .pods()
        .inNamespace(cluster.name())
        .withLabel("app.kubernetes.io/instance", app)
        .list()
        .getItems()
        .stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> image.equals(p.getSpec().getContainers().get(0).getImage()))
        .filter(
            p ->
                p.getStatus().getConditions().stream()
                    .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
        .toList();
  }

  @Test
  void createsOwnedChildrenAndBecomesReady() {
    ScalableApp app = create("shop");

    ScalableApp ready =
        awaitApp(cluster.client(), cluster.name(), "shop", hasCondition(Conditions.READY, "True"));

    Deployment deployment = child(Deployment.class, "shop");
    Service service = child(Service.class, "shop");
    HorizontalPodAutoscaler hpa = child(HorizontalPodAutoscaler.class, "shop");
    assertThat(List.of(deployment, service, hpa))
        .allSatisfy(c -> assertThat(ownedBy(c, app)).isTrue());
    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
        .isEqualTo(TestApps.IMAGE);
    assertThat(service.getSpec().getPorts().get(0).getTargetPort().getStrVal()).isEqualTo("http");
    assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
    assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(5);
    // The HPA raised the Deployment to minReplicas, and those pods really run on the simulated
    // nodes.
    assertThat(ready.getStatus().getReadyReplicas()).isEqualTo(2);
    assertThat(runningPods("shop", TestApps.IMAGE)).hasSize(2);
    assertThat(ready.getStatus().getServiceName()).isEqualTo("shop");
  }

  @Test
  void rollsOutANewImage() {
    create("cart");
    awaitApp(cluster.client(), cluster.name(), "cart", hasCondition(Conditions.READY, "True"));

    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName("cart")
        .edit(
            a -> {
              a.getSpec().setImage(TestApps.NEW_IMAGE);
              return a;
            });

    awaitApp(
        cluster.client(),
        cluster.name(),
        "cart",
        observed(2).and(hasCondition(Conditions.READY, "True")));
    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                runningPods("cart", TestApps.NEW_IMAGE).size() == 2
                    && runningPods("cart", TestApps.IMAGE).isEmpty());
  }

  @Test
  void deletingTheAppCollectsItsChildren() {
    create("gone");
    awaitApp(cluster.client(), cluster.name(), "gone", hasCondition(Conditions.READY, "True"));

    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName("gone")
        .delete();

    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                child(Deployment.class, "gone") == null
                    && child(Service.class, "gone") == null
                    && child(HorizontalPodAutoscaler.class, "gone") == null);
  }

  @Test
  void repairsChildrenChangedOrDeletedByHandAndReportsEachRepairOnce() {
    create("drift");
    awaitApp(cluster.client(), cluster.name(), "drift", hasCondition(Conditions.READY, "True"));

    // Someone edits the Deployment with their own field manager (keeping a label of theirs), and
    // deletes the Service.
    Deployment edited =
        new DeploymentBuilder(child(Deployment.class, "drift"))
            .editMetadata()
            .addToLabels("edited-by", "hand")
            .endMetadata()
            .editSpec()
            .editTemplate()
            .editSpec()
            .editFirstContainer()
            .withImage(TestApps.OTHER_IMAGE)
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();
    cluster.client().resource(edited).update();
    cluster.client().services().inNamespace(cluster.name()).withName("drift").delete();

    await()
        .atMost(TIMEOUT)
        .until(
            () -> {
              Deployment d = child(Deployment.class, "drift");
              Service s = child(Service.class, "drift");
              return d != null
                  && TestApps.IMAGE.equals(
                      d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                  && s != null;
            });
    await()
        .atMost(TIMEOUT)
        .until(() -> events("drift").stream().anyMatch(e -> "DriftRepaired".equals(e.getReason())));

    // The operator's own changes to the children, with the hand-edit's manager still on the
    // Deployment, are no drift.
    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName("drift")
        // A merge patch without resourceVersion cannot lose a race with the operator's status
        // writes.
        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":{\"min\":3}}}");
    awaitApp(
        cluster.client(),
        cluster.name(),
        "drift",
        observed(2).and(hasCondition(Conditions.READY, "True")));
    await()
        .atMost(TIMEOUT)
        .until(() -> child(HorizontalPodAutoscaler.class, "drift").getSpec().getMinReplicas() == 3);
    assertThat(events("drift"))
        .filteredOn(e -> "DriftRepaired".equals(e.getReason()))
        .singleElement()
        .satisfies(e -> assertThat(e.getCount()).isEqualTo(1));
  }

  @Test
  void withoutAutoscalingTheOperatorOwnsReplicasAndRemovesTheHpa() {
    create("fixed");
    awaitApp(cluster.client(), cluster.name(), "fixed", hasCondition(Conditions.READY, "True"));
    assertThat(child(HorizontalPodAutoscaler.class, "fixed")).isNotNull();

    cluster
        .client()
        .resources(ScalableApp.class)
        .inNamespace(cluster.name())
        .withName("fixed")
        .edit(
            a -> {
              a.getSpec().getAutoscaling().setEnabled(false);
              a.getSpec().getReplicas().setMin(3);
              return a;
            });

    await()
        .atMost(TIMEOUT)
        .until(
            () ->
                child(HorizontalPodAutoscaler.class, "fixed") == null
                    && Integer.valueOf(3)
                        .equals(child(Deployment.class, "fixed").getSpec().getReplicas()));
    ScalableApp app =
        awaitApp(
            cluster.client(),
            cluster.name(),
            "fixed",
            observed(2).and(hasCondition(Conditions.READY, "True")));
    assertThat(app.getStatus().getReadyReplicas()).isEqualTo(3);
  }

  private List<Event> events(String app) {
    return AppAssertions.events(cluster.client(), cluster.name(), app).stream()
        .filter(e -> "ScalableApp".equals(e.getInvolvedObject().getKind()))
        .toList();
  }
}
