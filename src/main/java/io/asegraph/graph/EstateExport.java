package io.asegraph.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.asegraph.importing.AzExport;
import io.asegraph.topology.ResourceType;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The whole estate of the store as one az-style document ({@link AzExport}): every resource of every kind, held-back
 * ones included, then the service tags. Read kind by kind in one read transaction, each row written out as it
 * arrives: the document is never held in memory, only the row being written (an NSG with its rules).
 */
@ApplicationScoped
public class EstateExport {
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private final GraphStore store;

    public EstateExport(GraphStore store) {
        this.store = store;
    }

    /** What one export wrote: the store version it read, and how many resources and service tags. */
    public record Written(long version, long resources, long serviceTags) {}

    /**
     * The store version now: a quick check that the store is there before an answer is started (a store that is not
     * throws {@link StoreUnavailableException}).
     */
    public long version() {
        return store.readOnce(EstateLoader::version);
    }

    /** Writes the document onto {@code out} (flushed, not closed). */
    public Written write(OutputStream out) {
        return store.readStreaming(tx -> {
            long version = EstateLoader.version(tx);
            try (JsonGenerator json = JSON.createGenerator(out)) {
                AzExport document = new AzExport(json);
                EstateLoader.read(
                        tx,
                        new EstateLoader.Sink() {
                            @Override
                            public <T> void add(ResourceType<T> type, T record) {
                                document.write(record);
                            }
                        },
                        true);
                document.close();
                return new Written(version, document.resources(), document.serviceTags());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
