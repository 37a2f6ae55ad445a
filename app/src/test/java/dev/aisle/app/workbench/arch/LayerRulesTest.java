package dev.aisle.app.workbench.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Layer rules of the workbench, tested rather than hoped for. */
class LayerRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.aisle");

    @Test
    void engineNeverImportsJavaFx() {
        noClasses().that().resideInAPackage("dev.aisle.engine..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(CLASSES);
    }

    @Test
    void engineAndDatasetsNeverDependOnTheApp() {
        noClasses().that().resideInAnyPackage("dev.aisle.engine..", "dev.aisle.datasets..", "dev.aisle.evaluations..")
                .should().dependOnClassesThat().resideInAPackage("dev.aisle.app..")
                .check(CLASSES);
    }

    @Test
    void viewModelsAndServicesStayOffTheSceneGraph() {
        // ViewModels use javafx.beans / javafx.collections only, so they run without the toolkit.
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .or().resideInAPackage("dev.aisle.app.workbench.service..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "javafx.application..")
                .check(CLASSES);
    }
}
