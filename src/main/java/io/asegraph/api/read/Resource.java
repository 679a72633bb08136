package io.asegraph.api.read;

import io.smallrye.graphql.api.Union;
import org.eclipse.microprofile.graphql.Description;

/** Any resource of the model (a union: select fields with inline fragments such as {@code ... on Subnet}). */
@Union("Resource")
@Description("Any resource of the model; select its fields with inline fragments (... on Subnet { addressPrefix }).")
public interface Resource {}
