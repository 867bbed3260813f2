# ScalableApp operator. `make help` lists the targets.
SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

MVN ?= mvn -B -ntp
# Targets talk to the local cluster; `make deploy KUBECONFIG=~/.kube/config` (on the command line, so
# an exported KUBECONFIG never redirects the tests or the demo) talks to another one.
ifeq ($(origin KUBECONFIG),command line)
CLUSTER_ENV := eval "$$(hack/cluster-env.sh)"; export KUBECONFIG=$(KUBECONFIG)
else
CLUSTER_ENV := eval "$$(hack/cluster-env.sh)"
endif
GENERATED_CRD := operator/target/classes/META-INF/fabric8/scalableapps.scalableapp.io-v1.yml
CRD := crds/scalableapps.scalableapp.io-v1.yml
IMG ?= ghcr.io/scalableapp/operator:0.1.0
# kwok: the local control plane built from Go modules (no Docker). kind: a Kind cluster (needs Docker).
CLUSTER ?= kwok
OPERATOR_JAR := operator/target/quarkus-app/quarkus-run.jar
CHART := helm/scalableapp-operator
CHART_CRD := $(CHART)/files/crds/scalableapps.scalableapp.io-v1.yml
# The operator image as an OCI tarball, written by every `mvn package` (Jib, no Docker daemon).
IMAGE_TAR := operator/target/jib-image.tar

##@ General

.PHONY: help
help: ## Show this help.
	@awk 'BEGIN {FS = ":.*##"; printf "Usage: make \033[36m<target>\033[0m\n"} \
	  /^[a-zA-Z_0-9-]+:.*?##/ { printf "  \033[36m%-18s\033[0m %s\n", $$1, $$2 } \
	  /^##@/ { printf "\n\033[1m%s\033[0m\n", substr($$0, 5) }' $(MAKEFILE_LIST)

##@ Development

.PHONY: build
build: ## Compile everything and package the operator (no tests).
	$(MVN) -q package -DskipTests

.PHONY: manifests
manifests: ## Regenerate the CRD from the Java API types into crds/ and the chart.
	$(MVN) -q -pl operator -am process-classes -DskipTests
	cp $(GENERATED_CRD) $(CRD)
	$(MAKE) --no-print-directory chart-crd

.PHONY: chart-crd
chart-crd: ## Copy crds/ into the Helm chart (the chart templates it behind crds.enabled).
	mkdir -p $(dir $(CHART_CRD)) && cp $(CRD) $(CHART_CRD)

.PHONY: rbac
rbac: ## Regenerate config/rbac/role.yaml from the chart's RBAC (the one source of the operator's permissions).
	hack/generate-rbac.sh > config/rbac/role.yaml

.PHONY: verify-manifests
verify-manifests: ## Fail if crds/ differs from what the build generates.
	@test -f $(GENERATED_CRD) || $(MVN) -q -pl operator -am process-classes -DskipTests
	@diff -u $(CRD) $(GENERATED_CRD) || { echo "crds/ is stale: run 'make manifests' and commit it" >&2; exit 1; }

.PHONY: unit-test
unit-test: ## Unit tests only; no cluster needed.
	$(MVN) test

.PHONY: test
test: tools cluster-up ## Everything: unit tests, integration tests on the local cluster, CRD and installer checks.
	$(CLUSTER_ENV); $(MVN) verify
	$(MAKE) --no-print-directory verify-manifests verify-installer verify-chart verify-argocd-health
	$(if $(filter kind,$(CLUSTER)),hack/kind-image-smoke.sh $(IMAGE_TAR))

ARGOCD_HEALTH_DIR := hack/argocd/scalableapp.io/ScalableApp

.PHONY: verify-argocd-health
verify-argocd-health: ## Run Argo CD's health check (health.lua, gopher-lua) over its committed test cases.
	$(CLUSTER_ENV); argocd-health test $(ARGOCD_HEALTH_DIR)

.PHONY: argocd-testdata
argocd-testdata: tools cluster-up ## Recapture health.lua's test cases from the local cluster (GitOpsHealthIT).
	$(CLUSTER_ENV); $(MVN) -pl operator -am verify -Dit.test=GitOpsHealthIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
	  -Dfailsafe.failIfNoSpecifiedTests=false -Dargocd.testdata=$(abspath $(ARGOCD_HEALTH_DIR))/testdata

##@ Image

.PHONY: image-build
image-build: ## Build the operator image without Docker into operator/target/jib-image.tar, named $(IMG).
	$(MVN) -q -pl operator -am package -DskipTests -Dimage=$(IMG)
	@echo "$(IMAGE_TAR) ($(IMG)): docker load -i / podman load -i / kind load image-archive"

.PHONY: image-push
image-push: ## Build the image and push it to $(IMG) (log in first: docker/podman login, or a credential helper).
	$(MVN) -q -pl operator -am package -DskipTests -Pimage-push -Dimage=$(IMG)

##@ Local cluster (built from Go modules, no Docker)

.PHONY: tools
tools: ## Build and cache the control-plane binaries, helm and the GitOps checkers, install Prometheus and Varnish (first run only).
	hack/build-binaries.sh
	hack/install-prometheus.sh
	hack/install-varnish.sh

.PHONY: cluster-up
cluster-up: ## Start the local cluster (CLUSTER=kwok, or CLUSTER=kind); writes .cluster/kubeconfig.
	$(if $(filter kind,$(CLUSTER)),hack/kind-up.sh,hack/cluster-up.sh) >/dev/null

.PHONY: cluster-down
cluster-down: ## Stop the local cluster and remove its state.
	$(if $(filter kind,$(CLUSTER)),hack/kind-down.sh,hack/cluster-down.sh)

.PHONY: kind-up
kind-up: ## Start a Kind cluster instead (needs Docker); `make test CLUSTER=kind` runs the suite on it.
	hack/kind-up.sh

.PHONY: kind-down
kind-down: ## Delete the Kind cluster.
	hack/kind-down.sh

##@ Deployment

.PHONY: install
install: ## Install the CRD (local cluster, or KUBECONFIG=... given to make).
	$(CLUSTER_ENV); kubectl apply --server-side --force-conflicts -f $(CRD)
	$(CLUSTER_ENV); kubectl wait --for condition=Established crd/scalableapps.scalableapp.io --timeout=60s

.PHONY: uninstall
uninstall: ## Remove the CRD (and with it every ScalableApp).
	$(CLUSTER_ENV); kubectl delete --ignore-not-found -f $(CRD)

.PHONY: run
run: build install ## Run the operator from this machine against the cluster (foreground).
	$(CLUSTER_ENV); java -jar $(OPERATOR_JAR)

.PHONY: demo
demo: tools cluster-up build install ## The whole story on the local cluster: operator running, examples applied.
	hack/demo.sh

.PHONY: demo-stop
demo-stop: ## Stop the operator that `make demo` started.
	hack/demo-stop.sh

.PHONY: build-installer
build-installer: ## Write dist/install.yaml (CRD, RBAC, operator Deployment running $IMG).
	hack/build-installer.sh $(IMG)

.PHONY: verify-installer
verify-installer: build-installer ## Have the API server validate dist/install.yaml (only its namespace is created).
	$(CLUSTER_ENV); kubectl create namespace scalableapp-system --dry-run=client -o yaml | kubectl apply --server-side -f - >/dev/null
	$(CLUSTER_ENV); kubectl apply --server-side --force-conflicts --dry-run=server -f dist/install.yaml

.PHONY: verify-chart
verify-chart: ## Helm chart: lint, schema, generated copies fresh, server dry-run, install/upgrade/uninstall.
	$(CLUSTER_ENV); hack/verify-chart.sh

.PHONY: deploy
deploy: build-installer ## Install the operator from dist/install.yaml (local cluster, or KUBECONFIG=...).
	$(CLUSTER_ENV); kubectl apply --server-side --force-conflicts -f dist/install.yaml

.PHONY: undeploy
undeploy: build-installer ## Remove the operator (and the CRD with every ScalableApp).
	$(CLUSTER_ENV); kubectl delete --ignore-not-found -f dist/install.yaml

##@ Benchmarks

LAB_CP = lab/target/classes:$$(cat lab/target/classpath.txt)

.PHONY: lab-build
lab-build:
	$(MVN) -q -pl engine,lab -am package -DskipTests

.PHONY: bench-scaling
bench-scaling: lab-build ## Replay NASA and WorldCup into docs/scaling-lab/; TRACE=file (CSV or Prometheus JSON) replays yours into OUT (default lab/target/scaling-lab).
ifdef TRACE
	java -cp "$(LAB_CP)" io.scalableapp.lab.ScalingLab --trace "$(TRACE)" --out "$(or $(OUT),lab/target/scaling-lab)"
else
	java -cp "$(LAB_CP)" io.scalableapp.lab.ScalingLab --out docs/scaling-lab
endif

.PHONY: bench-policy-search
bench-policy-search: ## CPU time of one spec.autoscaling.tuning policy search on 7 days of 1-minute NASA history (3 runs, JIT warming).
	$(MVN) -q -pl engine test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt
	java -cp "engine/target/test-classes:engine/target/classes:$$(cat engine/target/test-classpath.txt)" io.scalableapp.engine.auto.PolicySearchCost 3

.PHONY: bench-scaling-tune
bench-scaling-tune: lab-build ## Choose the jump floors on the training parts (NASA, WorldCup, or TRACE=file) and print the tables.
	java -cp "$(LAB_CP)" io.scalableapp.lab.ScalingLab --tune-only $(if $(TRACE),--trace "$(TRACE)")

# The what-if for an existing app is the operator's AppWhatIf (the operator's own reading of spec.prediction), with
# the lab, a compile-time-only dependency of the operator, on its classpath.
WHAT_IF_APP_CP = operator/target/classes:$$(cat operator/target/what-if-classpath.txt)
WHAT_IF_RANGE = $(if $(FROM),--from $(FROM)) $(if $(TO),--to $(TO)) $(if $(STEP),--step $(STEP)) --out $(or $(OUT),what-if)

.PHONY: what-if
what-if: ## What prediction would have done on live traffic: APP=namespace/name (its own spec.prediction and sizing; KUBECONFIG=... as usual, PROMETHEUS= overrides its Prometheus) or PROMETHEUS=url QUERY='sum(rate(..))'; [FROM= TO= (ISO instants) STEP=PT1M OUT=what-if].
ifdef APP
	$(MVN) -q -pl operator -am compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
	  -Dmdep.includeScope=compile -Dmdep.outputFile=target/what-if-classpath.txt
	$(CLUSTER_ENV); java -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$(WHAT_IF_APP_CP)" \
	  io.scalableapp.operator.whatif.AppWhatIf --app "$(APP)" \
	  $(if $(PROMETHEUS),--prometheus "$(PROMETHEUS)") $(WHAT_IF_RANGE)
else
	@test -n "$(PROMETHEUS)" -a -n "$(QUERY)" || { echo "usage: make what-if APP=namespace/name, or make what-if PROMETHEUS=http://prometheus:9090 QUERY='sum(rate(http_requests_total{app=\"shop\"}[2m]))' [FROM=2026-11-20T00:00:00Z] [TO=...]" >&2; exit 2; }
	$(MAKE) --no-print-directory lab-build
	java -cp "$(LAB_CP)" io.scalableapp.lab.WhatIf --prometheus "$(PROMETHEUS)" --query '$(QUERY)' $(WHAT_IF_RANGE)
endif

FORECAST_EVERY ?= 1

.PHONY: bench-forecast
bench-forecast: lab-build ## JMH cost per model on one core, NASA 5-min protocol, per-trace h-step errors; writes docs/forecast-benchmark.md.
	java -XX:ActiveProcessorCount=1 -cp "$(LAB_CP)" org.openjdk.jmh.Main ForecastBenchmark -rf csv -rff lab/target/jmh-forecast.csv
	java -cp "$(LAB_CP)" io.scalableapp.lab.bench.ForecastBenchmarkReport --jmh lab/target/jmh-forecast.csv --out docs/forecast-benchmark.md --every $(FORECAST_EVERY)

FLEET_APPS ?= 1000
# Fake nodes for the fleet's pods (110 each): up to 4 replicas per app, then some room.
FLEET_NODES ?= $(shell echo $$(( $(FLEET_APPS) * 3 / 110 + 2 )))

.PHONY: bench-fleet
bench-fleet: tools ## Operator vs bare client at FLEET_APPS apps (1000) on the local cluster; writes docs/fleet-benchmark.md.
	SCALABLEAPP_NODES=$(FLEET_NODES) hack/cluster-up.sh >/dev/null
	$(MVN) -q -pl operator -am package -DskipTests \
	  org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.includeScope=test \
	  -Dmdep.outputFile=target/test-classpath.txt
	@# The cluster was sized for the fleet and still holds it afterwards: it is deleted either way, so that
	@# `make test` and `make demo` start on a fresh one (the fleet's pods would fill its two nodes).
	$(CLUSTER_ENV); status=0; (cd operator && java -cp "target/test-classes:target/classes:$$(cat target/test-classpath.txt)" \
	  -Dfleet.apps=$(FLEET_APPS) -Dfleet.out=../docs -Dfleet.jvm-options="$$(../hack/operator-jvm-options.sh)" \
	  io.scalableapp.operator.it.FleetBenchmark) || status=$$?; hack/cluster-down.sh >/dev/null; exit $$status
