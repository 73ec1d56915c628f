package dev.ato.scope;

import java.util.List;

/**
 * A scope's base config built per resolution from words of the command line, in several layers: for example a
 * Hydra config tree, whose files are the layers and whose {@code group=option} words select the files. The words
 * it {@linkplain #claims claims} are taken off the scope's command line before views and literals are read.
 */
public interface BaseSource {

    /**
     * Whether {@code word}, as written for this scope (without the scope's prefix: {@code db=mysql},
     * {@code +db=mysql}, {@code ~db}), is for the base.
     */
    boolean claims(String word);

    /**
     * The base layers for the claimed words, in merge order: each the config after that layer.
     *
     * @throws dev.ato.AtoConfigException when the words or the source cannot make a config
     */
    List<BaseLayer> layers(List<String> claimed);
}
