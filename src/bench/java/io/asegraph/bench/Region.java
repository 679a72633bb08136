package io.asegraph.bench;

import java.util.List;

/**
 * An Azure region as the generator writes it: {@code name} is the ARM location ({@code westus}),
 * {@code pascal} the spelling regional service tags use ({@code Sql.WestUS}); the AzureCloud regional tags use the
 * lower-case name ({@code AzureCloud.westus}), as the downloadable Service Tags file does.
 */
record Region(String name, String pascal, int regionId) {

    /** Regions in the order VNets are spread over (the first {@link #VNET_REGIONS}) and service tags cover (all). */
    static final List<Region> ALL = List.of(
            new Region("westus", "WestUS", 1),
            new Region("eastus", "EastUS", 2),
            new Region("westeurope", "WestEurope", 3),
            new Region("northeurope", "NorthEurope", 4),
            new Region("eastus2", "EastUS2", 5),
            new Region("centralus", "CentralUS", 6),
            new Region("southcentralus", "SouthCentralUS", 7),
            new Region("westus2", "WestUS2", 8),
            new Region("uksouth", "UKSouth", 9),
            new Region("japaneast", "JapanEast", 10),
            new Region("australiaeast", "AustraliaEast", 11),
            new Region("southeastasia", "SoutheastAsia", 12),
            new Region("canadacentral", "CanadaCentral", 13),
            new Region("francecentral", "FranceCentral", 14),
            new Region("germanywestcentral", "GermanyWestCentral", 15),
            new Region("brazilsouth", "BrazilSouth", 16),
            new Region("koreacentral", "KoreaCentral", 17),
            new Region("centralindia", "CentralIndia", 18),
            new Region("switzerlandnorth", "SwitzerlandNorth", 19),
            new Region("norwayeast", "NorwayEast", 20));

    static final int VNET_REGIONS = 10;

    /** The region of VNet number {@code vnet}: round robin over the first {@link #VNET_REGIONS}. */
    static Region ofVnet(int vnet) {
        return ALL.get(vnet % VNET_REGIONS);
    }

    int index() {
        return regionId - 1;
    }
}
