package io.scalableapp.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.scalableapp.operator.TestApps;
import io.scalableapp.operator.api.ScalableApp;
import io.scalableapp.operator.cdn.DependentContexts;
import io.scalableapp.operator.events.RecordedEvents;
import org.junit.jupiter.api.Test;

class ChildChangesTest {
  private final ScalableApp app = TestApps.app("shop", "prod");
  private final RecordedEvents events = new RecordedEvents();

  @Test
  void theChildrenOfOneReconciliationShareOneEventPerKindOfChange() {
    Context<ScalableApp> context = DependentContexts.withoutCluster(app);
    ChildChanges.begin(context);
    ChildChanges changes = ChildChanges.of(context).orElseThrow();
    // In the order the workflow's threads happened to finish.
    changes.created(
        new HorizontalPodAutoscalerBuilder()
            .withNewMetadata()
            .withName("shop")
            .endMetadata()
            .build());
    changes.created(new ServiceBuilder().withNewMetadata().withName("shop").endMetadata().build());
    changes.created(
        new DeploymentBuilder().withNewMetadata().withName("shop").endMetadata().build());
    changes.updated(
        new ServiceBuilder().withNewMetadata().withName("shop-edge").endMetadata().build());

    ChildChanges.tell(app, context, events);
    ChildChanges.tell(app, context, events);

    assertThat(events.normals)
        .containsExactly(
            "Created: Created Deployment shop, Service shop, HorizontalPodAutoscaler shop",
            "Updated: Updated Service shop-edge to the app's new spec");
  }

  @Test
  void aReconciliationThatChangedNoChildTellsNothing() {
    Context<ScalableApp> context = DependentContexts.withoutCluster(app);
    ChildChanges.begin(context);
    ChildChanges.tell(app, context, events);
    assertThat(events.normals).isEmpty();
  }
}
