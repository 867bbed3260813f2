package io.scalableapp.operator.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Objects;

/**
 * spec.autoscaling.tuning at work: the policy that runs, the one the search chose, and the replay
 * behind it.
 */
public class TuningStatus {
  @JsonPropertyDescription(
      "Applied (the chosen policy runs), Recommended (it beat your HPA on validation; "
          + "tuning.mode Recommend leaves your HPA running), NotValidated (it did not beat your HPA on the validation "
          + "history, or your HPA was already the best: your HPA runs), InsufficientHistory, NoHorizontalPodAutoscaler or "
          + "SearchFailed (the running policy stays and the search is retried).")
  private String reason;

  @JsonPropertyDescription("The verdict and its figures in words.")
  private String message;

  @JsonPropertyDescription("When the policy was last searched.")
  private String evaluatedAt;

  @JsonPropertyDescription("When the running policy last changed.")
  private String since;

  @JsonPropertyDescription("How much demand history the app had, and how much a search needs.")
  private String history;

  @JsonPropertyDescription(
      "The training part of the history the policy was chosen on (after the warm-up), e.g. 5d.")
  private String training;

  @JsonPropertyDescription("The validation part it was checked on, e.g. 1d.")
  private String validation;

  @JsonPropertyDescription("Demand samples the replayed history held.")
  private Integer points;

  @JsonPropertyDescription("Policies replayed by the search.")
  private Integer candidates;

  @JsonPropertyDescription(
      "The replica-hours the policy could spend on training: your HPA's, plus extraCostPercent.")
  private String budgetReplicaHours;

  @JsonPropertyDescription(
      "The policy that runs: the HPA's target and scale-down window, and its floor.")
  private TuningPolicyStatus running;

  @JsonPropertyDescription(
      "Your HPA as written (target and scale-down window, no floor), replayed.")
  private TuningPolicyStatus yourHpa;

  @JsonPropertyDescription(
      "The best HPA alone over CPU target x scale-down window within the budget, chosen on "
          + "training: what tuning the HPA alone buys.")
  private TuningPolicyStatus envelope;

  @JsonPropertyDescription(
      "The policy the search chose within the budget on training (target, window and floor).")
  private TuningPolicyStatus chosen;

  public String getReason() {
    return reason;
  }

  public void setReason(String v) {
    this.reason = v;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String v) {
    this.message = v;
  }

  public String getEvaluatedAt() {
    return evaluatedAt;
  }

  public void setEvaluatedAt(String v) {
    this.evaluatedAt = v;
  }

  public String getSince() {
    return since;
  }

  public void setSince(String v) {
    this.since = v;
  }

  public String getHistory() {
    return history;
  }

  public void setHistory(String v) {
    this.history = v;
  }

  public String getTraining() {
    return training;
  }

  public void setTraining(String v) {
    this.training = v;
  }

  public String getValidation() {
    return validation;
  }

  public void setValidation(String v) {
    this.validation = v;
  }

  public Integer getPoints() {
    return points;
  }

  public void setPoints(Integer v) {
    this.points = v;
  }

  public Integer getCandidates() {
    return candidates;
  }

  public void setCandidates(Integer v) {
    this.candidates = v;
  }

  public String getBudgetReplicaHours() {
    return budgetReplicaHours;
  }

  public void setBudgetReplicaHours(String v) {
    this.budgetReplicaHours = v;
  }

  public TuningPolicyStatus getRunning() {
    return running;
  }

  public void setRunning(TuningPolicyStatus v) {
    this.running = v;
  }

  public TuningPolicyStatus getYourHpa() {
    return yourHpa;
  }

  public void setYourHpa(TuningPolicyStatus v) {
    this.yourHpa = v;
  }

  public TuningPolicyStatus getEnvelope() {
    return envelope;
  }

  public void setEnvelope(TuningPolicyStatus v) {
    this.envelope = v;
  }

  public TuningPolicyStatus getChosen() {
    return chosen;
  }

  public void setChosen(TuningPolicyStatus v) {
    this.chosen = v;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TuningStatus other
        && Objects.equals(reason, other.reason)
        && Objects.equals(message, other.message)
        && Objects.equals(evaluatedAt, other.evaluatedAt)
        && Objects.equals(since, other.since)
        && Objects.equals(history, other.history)
        && Objects.equals(training, other.training)
        && Objects.equals(validation, other.validation)
        && Objects.equals(points, other.points)
        && Objects.equals(candidates, other.candidates)
        && Objects.equals(budgetReplicaHours, other.budgetReplicaHours)
        && Objects.equals(running, other.running)
        && Objects.equals(yourHpa, other.yourHpa)
        && Objects.equals(envelope, other.envelope)
        && Objects.equals(chosen, other.chosen);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        reason,
        message,
        evaluatedAt,
        since,
        history,
        training,
        validation,
        points,
        candidates,
        budgetReplicaHours,
        running,
        yourHpa,
        envelope,
        chosen);
  }
}
