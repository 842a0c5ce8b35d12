package ru.parus.order.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** R1: a variant is named from its family, flavour and size, as managers read it in the catalogue. */
class VariantNameTest {
    @Test
    void R1_familyFlavourAndSize() {
        assertEquals("Whey Gold, Шоколад, 900 г", CatalogueService.variantName("Whey Gold", "Шоколад", "900 г"));
    }

    @Test
    void R1_whatAVariantLacksIsLeftOut() {
        assertEquals("Whey Gold, 900 г", CatalogueService.variantName("Whey Gold", null, "900 г"));
        assertEquals("Whey Gold, Шоколад", CatalogueService.variantName("Whey Gold", "Шоколад", null));
        assertEquals("Whey Gold", CatalogueService.variantName("Whey Gold", null, null));
    }
}
