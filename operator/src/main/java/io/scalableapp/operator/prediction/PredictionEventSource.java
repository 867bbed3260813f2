package io.scalableapp.operator.prediction;

import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.ResourceIDMapper;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingConfigurationBuilder;
import io.javaoperatorsdk.operator.processing.event.source.polling.PerResourcePollingEventSource;
import io.scalableapp.engine.Recommendation;
import io.scalableapp.operator.api.ScalableApp;

/**
 * Polls each app's forecast on its own schedule; the latest recommendation becomes a secondary
 * resource of the app. A deleted app's engine state and metrics go with it.
 */
public final class PredictionEventSource extends PerResourcePollingEventSource<Recommendation, ScalableApp, String> {
  private final PredictionService prediction;

  public PredictionEventSource(EventSourceContext<ScalableApp> context, PredictionService prediction) {
    super(Recommendation.class, context,
        new PerResourcePollingConfigurationBuilder<Recommendation, ScalableApp, String>(prediction, prediction.interval())
            .withName("prediction")
            .withResourceIDMapper(ResourceIDMapper.singleResourceResourceIDMapper())
            .build());
    this.prediction = prediction;
  }

  @Override
  public void onResourceDeleted(ScalableApp app) {
    super.onResourceDeleted(app);
    prediction.forget(ResourceID.fromResource(app));
  }
}
