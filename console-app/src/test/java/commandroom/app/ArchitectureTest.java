package commandroom.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The app's layers: views never see generated proto or gRPC types (the connection package maps
 * them to the app's model); view models and the connection never touch javafx.scene; only the
 * embedded-default bootstrap touches the server and the simulator.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("commandroom.app");

    @Test
    void onlyTheEmbeddedDefaultTouchesServerAndSimulator() {
        noClasses().that().resideOutsideOfPackage("commandroom.app.embedded..").should().dependOnClassesThat()
                .resideInAnyPackage("commandroom.server..", "commandroom.sim..").check(classes);
    }

    @Test
    void onlyTheConnectionAndTheEmbeddedDefaultSeeTheContract() {
        noClasses().that().resideOutsideOfPackages("commandroom.app.connection..", "commandroom.app.embedded..")
                .and().doNotHaveSimpleName("Launcher")
                .should().dependOnClassesThat().resideInAnyPackage("commandroom.v1..", "io.grpc..")
                .check(classes);
    }

    @Test
    void viewModelsAndTheConnectionNeverTouchTheSceneGraph() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").or().resideInAnyPackage(
                        "commandroom.app.connection..", "commandroom.app.model..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
    }
}
