package io.scalableapp.operator.prediction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.scalableapp.engine.ScalerSnapshot;
import io.scalableapp.engine.ScalerState;
import io.scalableapp.engine.forecast.ForecastModel;
import io.scalableapp.operator.api.ChildLabels;
import io.scalableapp.operator.api.ScalableApp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps what the engine learned about each app in a ConfigMap {@code <app>-scalableapp-state}
 * (owned by the app, so it goes with it), so a restarted operator or a newly elected leader
 * continues from it instead of relearning the margin, gate, model choice and pod ready latency.
 * Saving is best effort: a failed write is logged once and counted, and never fails the evaluation.
 */
final class EngineStateStore {
  private static final Logger LOG = LoggerFactory.getLogger(EngineStateStore.class);

  /**
   * Bumped on any incompatible change of the stored document; older versions with a migration below
   * are upgraded, others are ignored, not parsed. 2: AUTO's live candidate scores ({@code
   * state.candidateScores}).
   */
  static final int VERSION = 2;

  static final String DATA_KEY = "state.json";
  static final String NAME_SUFFIX = "-scalableapp-state";
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  /** The stored document: the snapshot with its format version. */
  record Document(int version, Instant savedAt, ScalerSnapshot state) {}

  /**
   * What restoring found: a state, or none to continue from. {@code readable} false: the ConfigMap
   * could not be read (the API server failed, the GET was interrupted), so what it holds is unknown
   * and must not be saved over.
   */
  record Restored(Optional<ScalerState> state, boolean readable) {
    static Restored none() {
      return new Restored(Optional.empty(), true);
    }
  }

  /** What was saved last for an app, to tell whether the next save is due. */
  private record Saved(Instant at, boolean forecastTrusted, ForecastModel chosenModel) {}

  private final KubernetesClient client;
  private final Clock clock;
  private final Duration saveEvery;
  private final Counter failedWrites;
  private final Counter failedReads;
  private final Set<ResourceID> unreadable = ConcurrentHashMap.newKeySet();
  private final Map<ResourceID, Saved> saved = new ConcurrentHashMap<>();
  private final Set<ResourceID> failing = ConcurrentHashMap.newKeySet();

  /**
   * @param client null for a service without a cluster (unit tests): nothing is restored or saved
   */
  EngineStateStore(
      KubernetesClient client, MeterRegistry registry, Clock clock, Duration saveEvery) {
    if (client == null) {
      LOG.info("No Kubernetes client: learned engine state is neither restored nor saved");
    }
    this.client = client;
    this.clock = clock;
    this.saveEvery = saveEvery;
    this.failedWrites =
        Counter.builder("scalableapp_state_writes_failed_total")
            .description(
                "Writes of an app's learned engine state to its ConfigMap that failed; the next evaluation retries")
            .register(registry);
    this.failedReads =
        Counter.builder("scalableapp_state_reads_failed_total")
            .description(
                "Reads of an app's saved engine state that failed; nothing is saved over it, and the next "
                    + "evaluation reads it again")
            .register(registry);
  }

  static String configMapName(String app) {
    return app + NAME_SUFFIX;
  }

  /**
   * The app's state rebuilt from its ConfigMap by {@code restore}; none when there is no ConfigMap,
   * it belongs to an earlier app of the same name, or its document cannot be used (logged: the app
   * then starts fresh). When the ConfigMap cannot be read at all, the result says so: the caller
   * retries, and nothing may be saved over it.
   */
  Restored restore(ScalableApp app, Function<ScalerSnapshot, ScalerState> restore) {
    if (client == null) {
      return Restored.none();
    }
    ResourceID id = ResourceID.fromResource(app);
    ConfigMap map;
    try {
      map =
          client
              .configMaps()
              .inNamespace(app.getMetadata().getNamespace())
              .withName(configMapName(app.getMetadata().getName()))
              .get();
    } catch (RuntimeException e) {
      failedReads.increment();
      if (unreadable.add(id)) {
        LOG.warn(
            "Cannot read the saved engine state of {} (retrying each evaluation, logged once; nothing is saved "
                + "over it meanwhile): {}",
            id,
            e.toString());
      }
      return new Restored(Optional.empty(), false);
    }
    if (unreadable.remove(id)) {
      LOG.info("The saved engine state of {} can be read again", id);
    }
    if (map == null) {
      return Restored.none();
    }
    if (!ownedBy(map, app)) {
      LOG.info(
          "Ignoring the saved engine state of {}: it belongs to an earlier app of that name", id);
      return Restored.none();
    }
    try {
      String json = map.getData() == null ? null : map.getData().get(DATA_KEY);
      if (json == null) {
        throw new IllegalArgumentException("the ConfigMap has no " + DATA_KEY);
      }
      ScalerState state = restore.apply(fromJson(json).state());
      LOG.info(
          "Restored the learned engine state of {} from ConfigMap {}",
          id,
          map.getMetadata().getName());
      return new Restored(Optional.of(state), true);
    } catch (RuntimeException e) {
      LOG.warn("Cannot restore the saved engine state of {}, starting fresh: {}", id, e.toString());
      return Restored.none();
    }
  }

  /**
   * Saves the snapshot when due: first after (re)start, then at most once per period, and at once
   * when the accuracy gate flips or the AUTO model choice changes. Never throws. Skipped on an
   * interrupted thread (a timed-out evaluation, already reported), which the write would fail on.
   */
  void saveIfDue(ScalableApp app, ScalerState state) {
    if (client == null || Thread.currentThread().isInterrupted()) {
      return;
    }
    ResourceID id = ResourceID.fromResource(app);
    Instant now = clock.instant();
    ForecastModel chosen = state.chosenModel().orElse(null);
    Saved last = saved.get(id);
    if (last != null
        && now.isBefore(last.at().plus(saveEvery))
        && last.forecastTrusted() == state.forecastTrusted()
        && last.chosenModel() == chosen) {
      return; // not due: no snapshot is taken on the evaluation's hot path
    }
    try {
      client
          .resource(configMap(app, toJson(new Document(VERSION, now, state.snapshot()))))
          .fieldManager(ChildLabels.OPERATOR)
          .forceConflicts()
          .serverSideApply();
      saved.put(id, new Saved(now, state.forecastTrusted(), chosen));
      if (failing.remove(id)) {
        LOG.info("Saving the engine state of {} works again", id);
      }
    } catch (RuntimeException e) {
      failedWrites.increment();
      if (failing.add(id)) {
        LOG.warn(
            "Cannot save the engine state of {} (retrying each evaluation, logged once): {}",
            id,
            e.toString());
      }
    }
  }

  /**
   * Forgets the save bookkeeping; the ConfigMap itself goes with the app (owner reference) or is
   * reused later.
   */
  void forget(ResourceID app) {
    saved.remove(app);
    failing.remove(app);
    unreadable.remove(app);
  }

  static String toJson(Document document) {
    try {
      return JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot serialise the engine state: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * @throws IllegalArgumentException for malformed JSON, another format version, or inconsistent
   *     content
   */
  static Document fromJson(String json) {
    try {
      JsonNode tree = JSON.readTree(json);
      JsonNode version = tree.get("version");
      if (version != null
          && version.isInt()
          && version.intValue() == 1
          && tree.get("state") instanceof ObjectNode s) {
        // Version 1 had no live AUTO scores: the candidates start unscored and AUTO keeps its
        // stored choice.
        s.putArray("candidateScores");
        ((ObjectNode) tree).put("version", VERSION);
        version = tree.get("version");
      }
      if (version == null || !version.isInt() || version.intValue() != VERSION) {
        throw new IllegalArgumentException(
            "unsupported state format version " + version + ", this operator reads " + VERSION);
      }
      return JSON.treeToValue(tree, Document.class);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("malformed engine state: " + e.getOriginalMessage(), e);
    }
  }

  private static ConfigMap configMap(ScalableApp app, String json) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(configMapName(app.getMetadata().getName()))
        .withNamespace(app.getMetadata().getNamespace())
        .withLabels(ChildLabels.all(app))
        .withOwnerReferences(
            new OwnerReferenceBuilder()
                .withApiVersion(app.getApiVersion())
                .withKind(app.getKind())
                .withName(app.getMetadata().getName())
                .withUid(app.getMetadata().getUid())
                .build())
        .endMetadata()
        .withData(Map.of(DATA_KEY, json))
        .build();
  }

  private static boolean ownedBy(ConfigMap map, ScalableApp app) {
    return map.getMetadata().getOwnerReferences().stream()
        .anyMatch(o -> Objects.equals(o.getUid(), app.getMetadata().getUid()));
  }
}
