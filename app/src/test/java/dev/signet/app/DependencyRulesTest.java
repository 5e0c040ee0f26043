package dev.signet.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module dependency rules of DESIGN.md, checked on the production classes of every module. */
class DependencyRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.signet");
    }

    @Test
    void secrets_importsNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("dev.signet.secrets..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.signet.zoom..",
                        "dev.signet.webhooks..",
                        "dev.signet.broker..",
                        "dev.signet.platform..",
                        "dev.signet.emulator..",
                        "dev.signet.app..",
                        "dev.signet.testkit..",
                        "dev.signet.bench..")
                .check(classes);
    }

    @Test
    void libraries_importNoOtherModuleButSecrets() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.signet.zoom..", "dev.signet.webhooks..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.signet.broker..",
                        "dev.signet.platform..",
                        "dev.signet.emulator..",
                        "dev.signet.app..",
                        "dev.signet.testkit..",
                        "dev.signet.bench..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("dev.signet.zoom..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.signet.webhooks..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("dev.signet.webhooks..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.signet.zoom..")
                .check(classes);
    }

    @Test
    void emulator_isWrittenFromTheContractsAlone() {
        noClasses()
                .that()
                .resideInAPackage("dev.signet.emulator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.signet.zoom..",
                        "dev.signet.secrets..",
                        "dev.signet.broker..",
                        "dev.signet.platform..",
                        "dev.signet.webhooks..",
                        "dev.signet.app..",
                        "dev.signet.testkit..")
                .check(classes);
    }

    @Test
    void deployables_reachEachOtherOnlyOverHttp() {
        noClasses()
                .that()
                .resideInAPackage("dev.signet.broker..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.signet.platform..", "dev.signet.emulator..", "dev.signet.app..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("dev.signet.platform..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.signet.broker..", "dev.signet.emulator..", "dev.signet.app..")
                .check(classes);
    }

    @Test
    void testkitAndBench_areNeverUsedByProductionCode() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.signet.testkit..", "dev.signet.bench..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.signet.testkit..", "dev.signet.bench..")
                .check(classes);
    }
}
