package dev.ato.autoconfigure.dashboard;

import dev.ato.AtoConfigException;
import dev.ato.tracker.ConfigComparison;
import dev.ato.tracker.RunQuery;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A runs-table filter on a config value as typed in the page, such as {@code lr<0.01}, {@code model=resnet} or
 * {@code optimizer.name!='adam'}: a dotted key, a comparison and a number or a string.
 */
record ConfigFilter(String key, ConfigComparison comparison, Object value) {

    private static final Pattern FORM = Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_\\-]*(?:\\.[A-Za-z0-9_\\-]+)*)\\s*(<=|>=|!=|<>|==|=|<|>)\\s*(.*?)\\s*");

    static ConfigFilter parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches() || m.group(3).isEmpty()) {
            throw new AtoConfigException("config filter '" + text + "' is not <dotted.key><op><value>;"
                    + " use one of = != < <= > >=, e.g. lr<0.01 or model=resnet");
        }
        return new ConfigFilter(m.group(1), comparison(m.group(2)), value(m.group(3)));
    }

    RunQuery applyTo(RunQuery query) {
        return query.config(key, comparison, value);
    }

    private static ConfigComparison comparison(String op) {
        return switch (op) {
            case "=", "==" -> ConfigComparison.EQ;
            case "!=", "<>" -> ConfigComparison.NE;
            case "<" -> ConfigComparison.LT;
            case "<=" -> ConfigComparison.LE;
            case ">" -> ConfigComparison.GT;
            default -> ConfigComparison.GE;
        };
    }

    /** A quoted value is a string; otherwise a number when it reads as one, else the bare word. */
    private static Object value(String text) {
        if (text.length() >= 2 && (text.charAt(0) == '\'' || text.charAt(0) == '"')
                && text.charAt(text.length() - 1) == text.charAt(0)) {
            return text.substring(1, text.length() - 1);
        }
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }
}
