package io.scalableapp.operator.dependent;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * The informer cache of a child kind, keeping of each object's managedFields only the operator's
 * own entries (its apply, and the replicas handover): the server-side-apply matcher and the
 * handover read those alone. The controllers' entries (Deployment and HPA status, written on every
 * change) are, as nested maps, the largest part of a cached child: at a thousand apps about half
 * the operator's heap.
 */
public class OwnManagedFieldsStore<R extends HasMetadata> extends BasicItemStore<R> {
  public OwnManagedFieldsStore() {
    super(Cache::metaNamespaceKeyFunc);
  }

  @Override
  public R put(String key, R obj) {
    var managedFields = obj.getMetadata().getManagedFields();
    if (managedFields != null) {
      managedFields.removeIf(
          entry ->
              entry.getManager() == null
                  || !entry.getManager().startsWith(AppChildResource.FIELD_MANAGER));
    }
    return super.put(key, obj);
  }
}
