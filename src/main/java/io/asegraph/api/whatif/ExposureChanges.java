package io.asegraph.api.whatif;

import io.asegraph.api.audit.ExposureResult;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("ExposureChanges")
@Description("Internet exposures on the default ports (TCP) a proposed change adds or removes; an exposure that"
        + " changes (other sources admitted, other rules) is one removed and one added.")
public record ExposureChanges(
        @NonNull @Description("Exposures after the change that were not there before it")
                List<@NonNull ExposureResult> added,
        @NonNull @Description("Exposures before the change that are gone after it")
                List<@NonNull ExposureResult> removed) {}
