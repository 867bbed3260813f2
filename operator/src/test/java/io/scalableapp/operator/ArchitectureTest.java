package io.scalableapp.operator;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers, top to bottom, as the README's architecture section draws them: a back-edge (a
 * dependent importing the reconciler, the API types importing the operator, the engine importing
 * Kubernetes types) fails the build.
 *
 * <pre>
 * operator:   runtime, reconciler        (wiring, the reconciler and the status it writes)
 * features:   dependent, prediction, cdn (the app's children, the forecast floor, the edge)
 * support:    status, events             (condition helpers, the Event recorder)
 * api:        io.scalableapp.operator.api.. (the custom resource's types and their translation, api module)
 * engine:     io.scalableapp.engine..    (Kubernetes-free forecasting and scaling, engine module)
 * </pre>
 */
class ArchitectureTest {
  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("io.scalableapp.operator", "io.scalableapp.engine");

  @Test
  void eachLayerUsesOnlyTheLayersBelowIt() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("operator")
        .definedBy("io.scalableapp.operator.runtime..", "io.scalableapp.operator.reconciler..")
        .layer("features")
        .definedBy(
            "io.scalableapp.operator.dependent..",
            "io.scalableapp.operator.prediction..",
            "io.scalableapp.operator.cdn..")
        .layer("support")
        .definedBy("io.scalableapp.operator.status..", "io.scalableapp.operator.events..")
        .layer("api")
        .definedBy("io.scalableapp.operator.api..")
        .layer("engine")
        .definedBy("io.scalableapp.engine..")
        .whereLayer("operator")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("features")
        .mayOnlyBeAccessedByLayers("operator")
        .whereLayer("support")
        .mayOnlyBeAccessedByLayers("operator", "features")
        .whereLayer("api")
        .mayOnlyBeAccessedByLayers("operator", "features", "support")
        .whereLayer("engine")
        .mayOnlyBeAccessedByLayers("operator", "features", "support", "api")
        .check(CLASSES);
  }

  @Test
  void theOperatorsPackagesAreFreeOfCycles() {
    slices().matching("io.scalableapp.operator.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theApiModulesPackagesAreFreeOfCycles() {
    slices().matching("io.scalableapp.operator.api.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theEnginesPackagesAreFreeOfCycles() {
    slices().matching("io.scalableapp.engine.(*)..").should().beFreeOfCycles().check(CLASSES);
  }
}
