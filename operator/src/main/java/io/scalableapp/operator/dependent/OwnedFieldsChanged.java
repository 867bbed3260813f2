package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Objects;

/**
 * Lets a child's update reconcile its app only when something the operator owns may have changed:
 * the spec (its generation) or the labels, annotations and owners. Status-only updates pass by: the
 * HPA controller rewrites every HPA's status as metrics move, which at a thousand apps would be a
 * reconciliation every few milliseconds with nothing to do. The informer cache still takes every
 * update.
 */
public class OwnedFieldsChanged implements OnUpdateFilter<HasMetadata> {
  @Override
  public boolean accept(HasMetadata updated, HasMetadata old) {
    var now = updated.getMetadata();
    var before = old.getMetadata();
    return !Objects.equals(now.getGeneration(), before.getGeneration())
        || !Objects.equals(now.getLabels(), before.getLabels())
        || !Objects.equals(now.getAnnotations(), before.getAnnotations())
        || !Objects.equals(now.getOwnerReferences(), before.getOwnerReferences());
  }
}
