package dev.signet.platform.dashboard;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** The dashboard's JTE templates, compiled to classes at build time ({@code src/main/jte}); HTML-escaping. */
final class Templates {
    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    /** Renders {@code name} (e.g. {@code bots.jte}) with its one parameter. */
    String render(String name, Object model) {
        StringOutput out = new StringOutput();
        engine.render(name, model, out);
        return out.toString();
    }
}
