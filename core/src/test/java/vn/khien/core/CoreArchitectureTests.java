package vn.khien.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** The engines stay framework-free, so the app and the (future) Kafka Streams worker can share them. */
class CoreArchitectureTests {
    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.khien.core");

    @Test
    void coreUsesNoSpringJdbcOrKafkaTypes() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..",
                        "java.sql..",
                        "javax.sql..",
                        "org.apache.kafka..",
                        "jakarta.persistence..",
                        "jakarta.servlet..")
                .because("core holds framework-free engines (ARCHITECTURE.md)")
                .check(core);
    }

    @Test
    void coreDoesNotDependOnTheApplication() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("vn.khien.app..")
                .check(core);
    }

    @Test
    void importedClassesAreFound() {
        // guards the rules above against passing vacuously on an empty import
        Assertions.assertThat(core.size()).isGreaterThan(0);
    }
}
