package dev.ato.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import javax.sql.DataSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package arrows of the design (docs/architecture.md): what each feature package may use. */
@AnalyzeClasses(packages = "dev.ato", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageArrowsTest {

    private static final String JDK = "java..";
    private static final String ROOT = "dev.ato";
    /** JSpecify's nullness annotations, allowed everywhere (they have no behaviour). */
    private static final String NULLNESS = "org.jspecify..";

    @ArchTest
    static final ArchRule coreImportsNoSpring = noClasses()
            .that().resideInAnyPackage("dev.ato", "dev.ato.adict..", "dev.ato.format..", "dev.ato.hydra..",
                    "dev.ato.cli..", "dev.ato.scope..", "dev.ato.sanitize..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
            .because("the core works in a plain main, without Spring");

    @ArchTest
    static final ArchRule onlySpringUsesAutoconfigure = noClasses()
            .that().resideOutsideOfPackage("dev.ato.autoconfigure..")
            .should().dependOnClassesThat().resideInAPackage("dev.ato.autoconfigure..")
            .because("nothing imports the Spring wiring but Spring itself");

    @ArchTest
    static final ArchRule adictUsesJdkOnly = classes()
            .that().resideInAPackage("dev.ato.adict..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JDK, ROOT, NULLNESS, "dev.ato.adict..");

    @ArchTest
    static final ArchRule sanitizeUsesAdict = classes()
            .that().resideInAPackage("dev.ato.sanitize..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JDK, ROOT, NULLNESS, "dev.ato.adict..", "dev.ato.sanitize..")
            .because("the tracker and a plain main use the same sanitizer as the Spring layer");

    @ArchTest
    static final ArchRule formatUsesAdictAndJackson = classes()
            .that().resideInAPackage("dev.ato.format..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JDK, ROOT, NULLNESS, "dev.ato.adict..", "dev.ato.format..",
                    "tools.jackson..", "com.fasterxml.jackson..", "org.snakeyaml.engine..")
            .because("Jackson's YAML factory takes SnakeYAML Engine's LoadSettings (the code-point limit)");

    @ArchTest
    static final ArchRule hydraUsesAdictAndFormat = classes()
            .that().resideInAPackage("dev.ato.hydra..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JDK, ROOT, NULLNESS, "dev.ato.adict..", "dev.ato.format..",
                    "dev.ato.hydra..", "tools.jackson..", "com.fasterxml.jackson..");

    @ArchTest
    static final ArchRule cliUsesAdict = classes()
            .that().resideInAPackage("dev.ato.cli..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JDK, ROOT, NULLNESS, "dev.ato.adict..", "dev.ato.cli..");

    @ArchTest
    static final ArchRule scopeUsesAdictAndCli = classes()
            .that().resideInAPackage("dev.ato.scope..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(JDK, ROOT, NULLNESS, "dev.ato.adict..", "dev.ato.cli..",
                    "dev.ato.scope..", "dev.ato.format..", "org.objectweb.asm..", "tools.jackson..",
                    "com.fasterxml.jackson..")
            .because("fingerprints write canonical JSON with format.Mappers, the one owner of mapper configurations");

    /** The owner of Jackson mapper configurations, one named configuration per purpose. */
    private static final String MAPPERS = "dev.ato.format.Mappers";

    @ArchTest
    static final ArchRule onlyMappersBuildJacksonMappers = noClasses()
            .that(DescribedPredicate.not(DescribedPredicate.describe("the mapper owner " + MAPPERS,
                    c -> c.getName().equals(MAPPERS) || c.getName().startsWith(MAPPERS + "$"))))
            .should().callMethodWhere(DescribedPredicate.describe("a builder of a Jackson mapper",
                    call -> call.getTarget().getName().equals("builder")
                            && call.getTargetOwner().isAssignableTo(tools.jackson.databind.ObjectMapper.class)))
            .orShould().callConstructorWhere(DescribedPredicate.describe("a constructor of a Jackson mapper",
                    call -> call.getTargetOwner().isAssignableTo(tools.jackson.databind.ObjectMapper.class)
                            || call.getTargetOwner().isAssignableTo(tools.jackson.databind.cfg.MapperBuilder.class)))
            .because("each JSON/YAML/TOML mapper configuration is named once, for its purpose, in " + MAPPERS
                    + " (reading config text is format.TreeReader's)");

    @ArchTest
    static final ArchRule trackerDoesNotUseScopeOrHyperopt = noClasses()
            .that().resideInAPackage("dev.ato.tracker..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.ato.scope..", "dev.ato.cli..", "dev.ato.hydra..",
                    "dev.ato.hyperopt..");

    /** The database owner (docs/architecture.md, "Database access"): the only classes that speak JDBC. */
    private static final String[] DATABASE_OWNER = {"dev.ato.tracker.Database", "dev.ato.tracker.SqlFlavor",
            "dev.ato.tracker.TrackerSchema", "dev.ato.tracker.RunStore", "dev.ato.tracker.TimeText",
            "dev.ato.tracker.RunFinder", "dev.ato.tracker.RunQuery", "dev.ato.tracker.RunRows",
            "dev.ato.tracker.SearchTables", "dev.ato.tracker.PythonTimestampJdbcType",
            "dev.ato.tracker.DatabaseTrouble", "dev.ato.tracker.MetricReader"};

    @ArchTest
    static final ArchRule onlyTheDatabaseOwnerSpeaksJdbc = noClasses()
            .that(DescribedPredicate.not(ownerClass()))
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.springframework.jdbc..",
                    "com.zaxxer.hikari..")
            .orShould().dependOnClassesThat(DescribedPredicate.and(
                    JavaClass.Predicates.resideInAPackage("javax.sql.."),
                    DescribedPredicate.not(JavaClass.Predicates.type(DataSource.class))))
            .because("connections, pools, transactions, retries and SQL dialects have one owner in dev.ato.tracker;"
                    + " everyone else passes a DataSource along and calls the owner's methods");

    private static DescribedPredicate<JavaClass> ownerClass() {
        return DescribedPredicate.describe("a class of the database owner", c -> {
            String name = c.getName();
            for (String owner : DATABASE_OWNER) {
                if (name.equals(owner) || name.startsWith(owner + "$")) {
                    return true;
                }
            }
            return false;
        });
    }

    @ArchTest
    static final ArchRule hyperoptDoesNotUseHydraOrCli = noClasses()
            .that().resideInAPackage("dev.ato.hyperopt..")
            .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates
                    .resideInAPackage("dev.ato.hydra..")
                    .and(com.tngtech.archunit.base.DescribedPredicate.not(com.tngtech.archunit.core.domain.JavaClass
                            .Predicates.simpleNameStartingWith("HydraSweep"))))
            .because("a search reads Hydra's sweep grammar through HydraSweep only (the one override parser)");
}
