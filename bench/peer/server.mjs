// The benchmark's peer: @neo4j/graphql 7 on Apollo Server, reading the service's own store through its Bolt port.
// node server.mjs BOLT_URI HTTP_PORT TYPE_DEFS_FILE; prints "PEER READY <url>" once it listens (bench/run --peer).
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const [boltUri, port, typeDefsFile] = process.argv.slice(2);
if (!boltUri || !port || !typeDefsFile) {
  console.error("usage: node server.mjs BOLT_URI HTTP_PORT TYPE_DEFS_FILE");
  process.exit(2);
}
// The embedded store runs without authentication (bolt on 127.0.0.1 only).
const driver = neo4j.driver(boltUri, neo4j.auth.basic("neo4j", "unused"));
await driver.verifyConnectivity();
const neoSchema = new Neo4jGraphQL({ typeDefs: readFileSync(typeDefsFile, "utf8"), driver });
const server = new ApolloServer({ schema: await neoSchema.getSchema() });
const { url } = await startStandaloneServer(server, { listen: { host: "127.0.0.1", port: Number(port) } });
console.log(`PEER READY ${url}`);
const stop = async () => {
  await server.stop();
  await driver.close();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
