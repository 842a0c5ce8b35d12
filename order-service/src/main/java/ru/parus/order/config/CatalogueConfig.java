package ru.parus.order.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "parus.catalogue")
public interface CatalogueConfig {
    /** Load the demo catalogue (catalogue/demo-catalogue.json) at start-up; the local stack sets it. */
    @WithDefault("false")
    boolean demoData();

    /** Storefronts where a product can be sold (R1). */
    @WithDefault("LACTOMIN,WATTN")
    java.util.List<String> storefronts();

    @WithDefault("PROTEIN,GAINER,AMINO_ACIDS,CREATINE,VITAMINS,BARS,ACCESSORIES,FAT_BURNERS,PRE_WORKOUT,HEALTHY_FOOD")
    java.util.List<String> categories();
}
