package io.scalableapp.operator.status;

import io.scalableapp.operator.api.ScalableApp;

/**
 * Hands out an app with the newest status known for it: the informer keeps no copy of the
 * operator's own status writes, so the app a prediction run or the CDN cleanup is handed can carry
 * an older one. The reconciler's status recorder keeps what it wrote and implements this; its
 * readers below the reconciler get it passed in.
 */
@FunctionalInterface
public interface NewestStatus {
  /**
   * {@code app} itself if its status is the newest, else a copy (sharing metadata and spec) with
   * the newer status.
   */
  ScalableApp withNewest(ScalableApp app);
}
