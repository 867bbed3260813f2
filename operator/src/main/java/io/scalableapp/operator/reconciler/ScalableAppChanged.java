package io.scalableapp.operator.reconciler;

import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import io.scalableapp.operator.api.ScalableApp;
import java.util.Objects;

/**
 * Which updates of a ScalableApp deserve a reconciliation: a new spec (its generation), a change of
 * annotations (the pause annotations live there, and annotations bump no generation), or the start
 * of its deletion. Status writes, the operator's own among them, do not. JOSDK's generation-aware
 * filter would drop annotation changes and is ANDed with any filter of ours, so it is switched off
 * and this one stands in for it.
 */
public class ScalableAppChanged implements OnUpdateFilter<ScalableApp> {
  @Override
  public boolean accept(ScalableApp updated, ScalableApp old) {
    var now = updated.getMetadata();
    var before = old.getMetadata();
    return !Objects.equals(now.getGeneration(), before.getGeneration())
        || !Objects.equals(now.getAnnotations(), before.getAnnotations())
        || !Objects.equals(now.getFinalizers(), before.getFinalizers())
        || (updated.isMarkedForDeletion() && !old.isMarkedForDeletion());
  }
}
