package ru.parus.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class PercentEscapesTest {
    @Test
    void wellFormedTargetsPass() {
        for (String target : new String[] { "/customers", "/customers?q=anna", "/customers?q=%D0%90%25%20x",
                "/customers/5d2a8e44-91c3-4b6f-8f0e-2a7b3c9d1e55", "/a%2Fb?x=%7B%7D", "/?q=%F0%9F%91%A8" }) {
            assertNull(PercentEscapes.broken(target), target);
        }
    }

    @Test
    void aPercentWithoutTwoHexDigitsIsBrokenAndNamed() {
        PercentEscapes.Broken broken = PercentEscapes.broken("/customers?q=%zz");
        assertEquals("query", broken.part());
        assertEquals("%zz", broken.escape());
        assertEquals("path", PercentEscapes.broken("/customers/abc%").part());
        assertEquals("%", PercentEscapes.broken("/customers/abc%").escape());
        assertEquals("%4", PercentEscapes.broken("/x?q=%4").escape());
        assertEquals("%4x", PercentEscapes.broken("/x?q=%4x").escape());
    }

    @Test
    void escapesThatAreNoUtf8AreBroken() {
        PercentEscapes.Broken broken = PercentEscapes.broken("/customers?q=%C3%28");
        assertEquals("query", broken.part());
        assertEquals("%C3%28", broken.escape()); // the run of escapes that does not decode
        assertEquals("%FF%FE", PercentEscapes.broken("/x/%FF%FE/y").escape());
    }
}
