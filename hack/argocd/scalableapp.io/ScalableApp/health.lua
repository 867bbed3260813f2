-- Argo CD health of a ScalableApp (scalableapp.io/v1alpha1), read from the conditions its operator writes.
-- Install: argocd-cm key resource.customizations.health.scalableapp.io_ScalableApp (docs/platform-teams.md).
-- Tests: health_test.yaml over objects captured from a real cluster (hack/gitops/argocd-health runs them).
local hs = {}
if obj.status == nil or obj.status.conditions == nil or #obj.status.conditions == 0 then
  hs.status = "Missing"
  hs.message = "No status yet: is the ScalableApp operator running and watching this namespace?"
  return hs
end
if obj.metadata.generation ~= nil and obj.status.observedGeneration ~= obj.metadata.generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. obj.metadata.generation
  return hs
end
local conditions = {}
for _, condition in ipairs(obj.status.conditions) do
  conditions[condition.type] = condition
end
local function isTrue(type)
  return conditions[type] ~= nil and conditions[type].status == "True"
end
local function message(type)
  return conditions[type] ~= nil and conditions[type].message or ""
end
if isTrue("Stalled") or isTrue("Degraded") then
  hs.status = "Degraded"
  hs.message = isTrue("Stalled") and message("Stalled") or message("Degraded")
elseif conditions.Progressing ~= nil and conditions.Progressing.reason == "RolloutPaused" then
  -- Someone ran `kubectl rollout pause deployment/<app>`: as Argo CD shows a paused Deployment.
  hs.status = "Suspended"
  hs.message = message("Progressing")
elseif isTrue("Paused") then
  -- The scalableapp.io/paused(-replicas) annotation holds its replicas, as Argo CD shows a paused KEDA ScaledObject.
  hs.status = "Suspended"
  hs.message = message("Paused")
elseif isTrue("Ready") then
  hs.status = "Healthy"
  hs.message = message("Ready")
else
  hs.status = "Progressing"
  hs.message = isTrue("Reconciling") and message("Reconciling") or message("Ready")
end
return hs
