package dev.signet.emulator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The emulator's package structure: features without cycles, plumbing that knows no feature. */
class PackageRulesTest {
    private static final JavaClasses classes =
            new ClassFileImporter().importPath(Path.of("target", "classes")); // the module's main classes only

    @Test
    void featurePackages_haveNoCycles() {
        assertThat(classes.contain(EmulatorServer.class)).isTrue();
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
