package dev.ato.hydra;

import java.util.List;

/**
 * An application resolver, as OmegaConf's {@code register_new_resolver}: {@code ${name:arg1,arg2}} calls it with
 * the arguments already resolved and typed as OmegaConf types them ({@code 1} an Integer, {@code 0.5} a Double,
 * {@code true} a Boolean, {@code null} null, a quoted or plain word a String, {@code [..]} a List, {@code {..}} a
 * Map, {@code ${a.b}} the value at {@code a.b}). The result becomes the value (a String, number, Boolean, List or
 * Map). Register it with {@link Resolvers#with(String, Resolver)}.
 *
 * <pre>{@code
 * Resolvers resolvers = Resolvers.standard()
 *         .with("div_up", args -> (((Number) args.get(0)).longValue() + ((Number) args.get(1)).longValue() - 1)
 *                 / ((Number) args.get(1)).longValue());
 * }</pre>
 */
@FunctionalInterface
public interface Resolver {

    /**
     * The value of one call.
     *
     * @param args the call's arguments, resolved and typed (never {@code null}; elements may be {@code null})
     * @return the value; a RuntimeException becomes a {@link HydraException} naming the resolver and the key
     */
    Object resolve(List<Object> args);
}
