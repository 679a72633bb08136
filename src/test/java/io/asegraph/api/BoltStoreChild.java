package io.asegraph.api;

import java.nio.file.Path;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * The main of a child JVM that serves a Neo4j store over bolt, as an external server would: {@code <data directory>
 * <bolt port>}; prints {@value #READY} once it accepts connections and runs until killed.
 */
public final class BoltStoreChild {
    static final String READY = "BOLT-STORE-READY";

    private BoltStoreChild() {}

    public static void main(String[] args) throws InterruptedException {
        int port = Integer.parseInt(args[1]);
        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(Path.of(args[0]))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse("64m"))
                .build();
        dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME); // started: bolt accepts connections now
        System.out.println(READY + " " + port);
        System.out.flush();
        Thread.currentThread().join();
    }
}
