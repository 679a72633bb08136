package io.asegraph.importing;

/**
 * The header of an imported Service Tags file ({@code ServiceTags_Public_YYYYMMDD.json} or the discovery API's
 * {@code Microsoft.Network/serviceTags} wrapper): the cloud it describes and its top-level change number,
 * which increments whenever any tag changes (azure-semantics §5).
 */
public record ServiceTagsFile(String cloud, long changeNumber) {
    public ServiceTagsFile {
        cloud = cloud == null ? "" : cloud;
    }
}
