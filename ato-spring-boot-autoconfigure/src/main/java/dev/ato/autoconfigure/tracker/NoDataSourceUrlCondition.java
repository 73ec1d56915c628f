package dev.ato.autoconfigure.tracker;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the application configured no {@code spring.datasource.url}, so the embedded default applies. */
class NoDataSourceUrlCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        return url == null || url.isBlank()
                ? ConditionOutcome.match("no spring.datasource.url")
                : ConditionOutcome.noMatch("spring.datasource.url is " + url);
    }
}
