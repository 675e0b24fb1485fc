package commandroom.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The hub's layers point one way: api → loop → log → (privacy →) store; auth and clock beside them; the
 * command line (cli) on top of the administration (admin) and operations (ops) that use them.
 */
class ArchitectureTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("commandroom.server");

    @Test
    void storeKnowsNothingAboveIt() {
        noClasses().that().resideInAPackage("..server.store..").should().dependOnClassesThat()
                .resideInAnyPackage("..server.api..", "..server.loop..", "..server.log..", "..server.auth..",
                        "..server.clock..", "..server.admin..", "..server.cli..", "..server.ops..").check(classes);
    }

    @Test
    void logKnowsNeitherRulesNorApi() {
        noClasses().that().resideInAPackage("..server.log..").should().dependOnClassesThat()
                .resideInAnyPackage("..server.api..", "..server.loop..", "..server.auth..", "..server.admin..",
                        "..server.cli..", "..server.ops..").check(classes);
    }

    @Test
    void privacyKnowsOnlyTheStoreAndTheContract() {
        noClasses().that().resideInAPackage("..server.privacy..").should().dependOnClassesThat()
                .resideInAnyPackage("..server.api..", "..server.loop..", "..server.log..", "..server.auth..",
                        "..server.clock..", "..server.admin..", "..server.cli..", "..server.ops..",
                        "..server.linkage..").check(classes);
    }

    @Test
    void loopRulesKnowNothingOfGrpcServices() {
        noClasses().that().resideInAnyPackage("..server.loop..", "..server.clock..").should().dependOnClassesThat()
                .resideInAnyPackage("..server.api..", "..server.auth..").check(classes);
    }

    @Test
    void onlyTheHubsCommandUsesTheCommandLine() {
        noClasses().that().resideOutsideOfPackage("..server.cli..").and().doNotHaveSimpleName("HubMain")
                .should().dependOnClassesThat().resideInAPackage("..server.cli..").check(classes);
    }

    @Test
    void administrationAndOperationsNeverReachIntoTheGrpcServicesOrTheRules() {
        noClasses().that().resideInAnyPackage("..server.admin..", "..server.ops..").should().dependOnClassesThat()
                .resideInAnyPackage("..server.api..", "..server.loop..", "..server.cli..").check(classes);
    }

    @Test
    void serverNeverImportsTheAppOrTheSimulator() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("commandroom.app..", "commandroom.sim..",
                "javafx..").check(classes);
    }
}
