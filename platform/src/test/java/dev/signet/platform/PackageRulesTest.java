package dev.signet.platform;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The platform's package arrows of docs/architecture.md: every dependency points one way. */
class PackageRulesTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.signet.platform");

    @Test
    void packages_haveNoCycle() {
        slices().matching("dev.signet.platform.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void packages_dependAsTheArchitecturePageDraws() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("root")
                .definedBy("dev.signet.platform")
                .layer("bot")
                .definedBy("dev.signet.platform.bot..")
                .layer("webhook")
                .definedBy("dev.signet.platform.webhook..")
                .layer("runtime")
                .definedBy("dev.signet.platform.runtime..")
                .layer("dashboard")
                .definedBy("dev.signet.platform.dashboard..")
                .layer("api")
                .definedBy("dev.signet.platform.api..")
                .layer("token")
                .definedBy("dev.signet.platform.token..")
                .layer("driver")
                .definedBy("dev.signet.platform.driver..")
                .layer("plumbing")
                .definedBy(
                        "dev.signet.platform.http..",
                        "dev.signet.platform.db..",
                        "dev.signet.platform.crypto..",
                        "dev.signet.platform.time..")
                .whereLayer("root")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("bot")
                .mayOnlyBeAccessedByLayers("root", "dashboard")
                .whereLayer("webhook")
                .mayOnlyBeAccessedByLayers("root", "bot", "dashboard")
                .whereLayer("dashboard")
                .mayOnlyBeAccessedByLayers("root")
                .whereLayer("runtime")
                .mayOnlyBeAccessedByLayers("root", "bot")
                .whereLayer("api")
                .mayOnlyBeAccessedByLayers("root")
                .whereLayer("token")
                .mayOnlyBeAccessedByLayers("root", "runtime")
                .whereLayer("driver")
                .mayOnlyBeAccessedByLayers("root", "runtime")
                .check(CLASSES);
    }
}
