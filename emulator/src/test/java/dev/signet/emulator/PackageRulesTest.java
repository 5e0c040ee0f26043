package dev.signet.emulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The emulator's package structure: features without cycles, plumbing that knows no feature. */
class PackageRulesTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.signet.emulator");

    @Test
    void featurePackages_haveNoCycles() {
        slices().matching("dev.signet.emulator.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void plumbing_importsNoFeature() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.signet.emulator.http..", "dev.signet.emulator.secret..", "dev.signet.emulator.faults..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.signet.emulator.directory..",
                        "dev.signet.emulator.oauth..",
                        "dev.signet.emulator.users..",
                        "dev.signet.emulator.meetings..",
                        "dev.signet.emulator.join..",
                        "dev.signet.emulator.admin..",
                        "dev.signet.emulator.web..",
                        "dev.signet.emulator.seed..",
                        "dev.signet.emulator.gateway..",
                        "dev.signet.emulator.tokens..",
                        "dev.signet.emulator.ratelimit..")
                .check(classes);
    }

    @Test
    void onlyTheCompositionRoot_wiresEverything() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.signet.emulator")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName(EmulatorServer.class.getName())
                .check(classes);
    }

    @Test
    void emulator_importsNoOtherSignetModule() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.signet.zoom..", "dev.signet.broker..", "dev.signet.platform..", "dev.signet.webhooks..")
                .check(classes);
    }
}
