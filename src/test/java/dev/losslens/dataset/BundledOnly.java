package dev.losslens.dataset;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.DefaultResourceLoader;

/** A catalogue of the bundled datasets alone, for tests without a database: no instructor has uploaded anything. */
final class BundledOnly {

    private BundledOnly() {
    }

    static DatasetCatalogue catalogue() {
        UploadedDatasets none = new UploadedDatasets(null, null, null) {
            @Override
            List<UploadedDataset> live() {
                return List.of();
            }

            @Override
            Optional<UploadedDataset> find(String slug) {
                return Optional.empty();
            }
        };
        return new DatasetCatalogue(new SampleDatasets(new DefaultResourceLoader()), none, defaultLimits());
    }

    /** {@code losslens.datasets.*} as configured when nothing is set. */
    static DatasetLimits defaultLimits() {
        return Binder.get(new StandardEnvironment()).bindOrCreate("losslens.datasets", Bindable.of(DatasetLimits.class));
    }
}
