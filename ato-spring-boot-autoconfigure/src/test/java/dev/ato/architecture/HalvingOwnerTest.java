package dev.ato.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.ato.hyperopt.Halving;
import dev.ato.hyperopt.HyperBand;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The successive-halving rule has one owner, {@link Halving}: whoever needs to know who runs, who survives or the
 * schedule asks its functions. A copy of the rule needs the halving rate or the minimum generation size, so only the
 * owner reads them; {@link HyperBand} hands them out to its users and to the stored settings alone.
 */
@AnalyzeClasses(packages = "dev.ato", importOptions = ImportOption.DoNotIncludeTests.class)
class HalvingOwnerTest {

    @ArchTest
    static final ArchRule onlyHalvingReadsItsSettings = noClasses()
            .that().doNotHaveFullyQualifiedName(Halving.class.getName())
            .and().doNotHaveFullyQualifiedName(HyperBand.class.getName())
            .should().callMethod(Halving.class, "rate")
            .orShould().callMethod(Halving.class, "numMinSamples")
            .because("survivors, promotions and the schedule are computed by Halving's functions only");

    @ArchTest
    static final ArchRule hyperBandSettingsOnlyPersisted = noClasses()
            .that().doNotHaveFullyQualifiedName("dev.ato.hyperopt.SearchDefinition")
            .and().doNotHaveFullyQualifiedName(HyperBand.class.getName())
            .should().callMethod(HyperBand.class, "halvingRate")
            .orShould().callMethod(HyperBand.class, "numMinSamples")
            .because("the tracked search stores the settings; everything else asks HyperBand.halving()");
}
