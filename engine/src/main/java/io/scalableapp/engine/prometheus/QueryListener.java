package io.scalableapp.engine.prometheus;

/**
 * Told what each range query cost Prometheus, e.g. to count it on the operator's metrics endpoint.
 */
public interface QueryListener {
  QueryListener NONE =
      new QueryListener() {
        @Override
        public void querySent() {}

        @Override
        public void samplesFetched(int count) {}
      };

  void querySent();

  void samplesFetched(int count);
}
