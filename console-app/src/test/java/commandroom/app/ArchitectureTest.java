package commandroom.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The app meets the server and the simulator only through the embedded-default bootstrap. */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("commandroom.app");

    @Test
    void onlyTheEmbeddedDefaultTouchesServerAndSimulator() {
        noClasses().that().resideOutsideOfPackage("commandroom.app.embedded..").should().dependOnClassesThat()
                .resideInAnyPackage("commandroom.server..", "commandroom.sim..").check(classes);
    }
}
