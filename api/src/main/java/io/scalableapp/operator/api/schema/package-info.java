/**
 * Schema-only twins of Kubernetes types the spec embeds (EnvVar, ResourceRequirements, HPA
 * behavior): the same JSON shape, plus the bounds (maxItems, maxProperties, maxLength) the API
 * server needs to estimate the cost of the CEL rules that keep those children valid. Referenced
 * with {@code @SchemaFrom}; the Java model keeps the Kubernetes types.
 */
package io.scalableapp.operator.api.schema;
