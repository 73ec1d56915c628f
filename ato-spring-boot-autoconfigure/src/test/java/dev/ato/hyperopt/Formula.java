package dev.ato.hyperopt;

import java.util.Map;
import java.util.function.Function;

/**
 * The conformance vectors' objective formulas: numbers, variables, {@code table[var]} lookups, {@code + - * / **},
 * parentheses and {@code abs log log2 log10 sqrt min max}, with Python's precedence ({@code -x ** 2} is
 * {@code -(x ** 2)}). Variables resolve through a function, tables through a map of maps.
 */
final class Formula {

    private final String text;
    private final Function<String, Object> variables;
    private final Map<String, Map<String, Object>> tables;
    private int pos;

    private Formula(String text, Function<String, Object> variables, Map<String, Map<String, Object>> tables) {
        this.text = text;
        this.variables = variables;
        this.tables = tables;
    }

    static double evaluate(String text, Function<String, Object> variables, Map<String, Map<String, Object>> tables) {
        Formula formula = new Formula(text, variables, tables);
        double value = formula.sum();
        formula.skipSpaces();
        if (formula.pos != text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.substring(formula.pos) + "' in " + text);
        }
        return value;
    }

    private double sum() {
        double value = product();
        while (true) {
            if (eat("+")) {
                value += product();
            } else if (eat("-")) {
                value -= product();
            } else {
                return value;
            }
        }
    }

    private double product() {
        double value = unary();
        while (true) {
            if (peek("**")) {
                return value;
            } else if (eat("*")) {
                value *= unary();
            } else if (eat("/")) {
                value /= unary();
            } else {
                return value;
            }
        }
    }

    private double unary() {
        if (eat("-")) {
            return -unary();
        }
        if (eat("+")) {
            return unary();
        }
        double base = primary();
        return eat("**") ? Math.pow(base, unary()) : base;
    }

    private double primary() {
        skipSpaces();
        if (eat("(")) {
            double value = sum();
            expect(")");
            return value;
        }
        char c = text.charAt(pos);
        if (Character.isDigit(c) || c == '.') {
            int start = pos;
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.'
                    || text.charAt(pos) == 'e' || (text.charAt(pos - 1) == 'e' && text.charAt(pos) == '-'))) {
                pos++;
            }
            return Double.parseDouble(text.substring(start, pos));
        }
        String name = identifier();
        if (eat("(")) {
            double first = sum();
            double second = eat(",") ? sum() : Double.NaN;
            expect(")");
            return switch (name) {
                case "abs" -> Math.abs(first);
                case "sqrt" -> Math.sqrt(first);
                case "log" -> Math.log(first);
                case "log2" -> Math.log(first) / Math.log(2);
                case "log10" -> Math.log10(first);
                case "min" -> Math.min(first, second);
                case "max" -> Math.max(first, second);
                default -> throw new IllegalArgumentException("unknown function " + name);
            };
        }
        if (eat("[")) {
            String key = String.valueOf(variables.apply(identifier()));
            expect("]");
            return ((Number) tables.get(name).get(key)).doubleValue();
        }
        return ((Number) variables.apply(name)).doubleValue();
    }

    private String identifier() {
        skipSpaces();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw new IllegalArgumentException("expected a name at " + pos + " in " + text);
        }
        return text.substring(start, pos);
    }

    private boolean peek(String token) {
        skipSpaces();
        return text.startsWith(token, pos);
    }

    private boolean eat(String token) {
        if (peek(token)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!eat(token)) {
            throw new IllegalArgumentException("expected '" + token + "' at " + pos + " in " + text);
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }
}
