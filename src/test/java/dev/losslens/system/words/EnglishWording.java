package dev.losslens.system.words;

import org.springframework.context.support.ResourceBundleMessageSource;

/** The words of some bundles without the app around them, for tests of code that words its results. */
public final class EnglishWording {

    private EnglishWording() {
    }

    /** @param basenames such as {@code messages/runs} */
    public static Wording of(String... basenames) {
        ResourceBundleMessageSource bundle = new ResourceBundleMessageSource();
        bundle.setBasenames(basenames);
        bundle.setDefaultEncoding("UTF-8");
        bundle.setFallbackToSystemLocale(false);
        return new Wording(bundle);
    }
}
