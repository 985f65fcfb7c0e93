// How the cost of one insert into an Azurite table grows with the table's size.
//
// Azurite keeps each table in one LokiJS collection with binary indices on PartitionKey and RowKey
// (LokiTableMetadataStore.createCollectionForTable) and checks for an existing entity with findOne
// before each insert (insertTableEntity). This script does exactly that on a bare LokiJS collection,
// outside Azurite and without HTTP, so the growth it shows is the emulator's storage engine alone.
//
// Run from the repository root after `npm ci --prefix tools/azurite`:
//   NODE_PATH=tools/azurite/node_modules node benchmarks/azurite/lokijs-insert-cost.js
const Loki = require("lokijs");

const db = new Loki("insert-cost");
const table = db.addCollection("table", { indices: ["PartitionKey", "RowKey"] });
const rowKey = () => Math.random().toString(16).slice(2) + Math.random().toString(16).slice(2);
const entitiesPerDocument = 16; // the dedup index's exact claim, state and 14 band keys
const measured = 3200;

let size = 0;
console.log("| documents in the index | entities | microseconds per insert | per document (16 inserts) |");
console.log("| ---: | ---: | ---: | ---: |");
for (const documents of [1000, 10000, 50000]) {
  const target = documents * entitiesPerDocument;
  while (size < target) {
    table.insert({ PartitionKey: "dedup", RowKey: rowKey(), properties: {} });
    size++;
  }

  const start = process.hrtime.bigint();
  for (let i = 0; i < measured; i++) {
    const key = rowKey();
    if (table.findOne({ RowKey: key, PartitionKey: "dedup" }) === null) {
      table.insert({ PartitionKey: "dedup", RowKey: key, properties: {} });
    }
  }
  const perInsert = Number(process.hrtime.bigint() - start) / measured / 1000;
  size += measured;
  console.log(`| ${documents.toLocaleString("en")} | ${target.toLocaleString("en")} | ${perInsert.toFixed(1)} | ${(perInsert * entitiesPerDocument / 1000).toFixed(2)} ms |`);
}
