// What one request costs Azurite in CPU, by kind: uploads with and without content, and full listings of a
// container with and without metadata. The figures behind two design choices: receipts and markers are empty
// blobs (their fields in metadata), and the scanner lists `raw` without metadata.
//
// Starts its own Azurite (disk persistence, its default, in a temporary folder) on fixed high ports and reads
// that process's CPU time from /proc (Linux) before and after each batch of requests.
//
// Run from the repository root after `npm ci --prefix tools/azurite` and `npm ci --prefix tests/js-client`:
//   NODE_PATH=tests/js-client/node_modules node benchmarks/azurite/request-cost.js
const { spawn } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { BlobServiceClient } = require("@azure/storage-blob");

const ports = { blob: 41000, queue: 41001, table: 41002 };
const key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
const connection = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${key};BlobEndpoint=http://127.0.0.1:${ports.blob}/devstoreaccount1;`;

const cpuMs = (pid) => {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * (1000 / 100); // utime + stime, in clock ticks of 10 ms
};

async function waitForAzurite() {
  const client = BlobServiceClient.fromConnectionString(connection);
  for (let i = 0; i < 100; i++) {
    try {
      await client.getProperties();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  throw new Error("Azurite did not start");
}

async function main() {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), "azurite-request-cost-"));
  const azurite = spawn(process.execPath, [
    path.join("tools", "azurite", "node_modules", "azurite", "dist", "src", "azurite.js"),
    "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--location", data,
    "--blobPort", ports.blob, "--queuePort", ports.queue, "--tablePort", ports.table,
  ].map(String), { stdio: "ignore" });
  try {
    await waitForAzurite();
    const container = BlobServiceClient.fromConnectionString(connection).getContainerClient("cost");
    await container.create();

    // Each kind twice (the first round warms Azurite's JIT up), 8 requests in flight, as the pipeline has.
    const perRequest = async (label, count, request) => {
      let next = 0;
      const start = cpuMs(azurite.pid);
      await Promise.all([...Array(8)].map(async () => {
        while (next < count) {
          await request(next++);
        }
      }));
      return ((cpuMs(azurite.pid) - start) / count).toFixed(2);
    };

    const small = Buffer.alloc(200, 97);
    const article = Buffer.alloc(14000, 97);
    const rows = [];
    for (const round of [1, 2]) {
      const empty = await perRequest("empty", 1500, (i) => container.getBlockBlobClient(`empty-${round}-${i}`).upload(Buffer.alloc(0), 0, { metadata: { enqueued: "true", claim: "0123456789abcdef0123456789abcdef" } }));
      const bytes200 = await perRequest("200 B", 1500, (i) => container.getBlockBlobClient(`small-${round}-${i}`).upload(small, small.length));
      const bytes14k = await perRequest("14 KB", 1500, (i) => container.getBlockBlobClient(`article-${round}-${i}`).upload(article, article.length));
      rows.push([round, empty, bytes200, bytes14k]);
    }

    console.log("Azurite CPU per upload; the second round is the steady state.\n");
    console.log("| round | empty blob with metadata, ms | 200-byte blob, ms | 14 KB blob, ms |");
    console.log("| ---: | ---: | ---: | ---: |");
    rows.forEach((r) => console.log(`| ${r.join(" | ")} |`));

    const listing = BlobServiceClient.fromConnectionString(connection).getContainerClient("listing");
    await listing.create();
    console.log("\n| blobs in the container | full listing with metadata | without metadata |");
    console.log("| ---: | ---: | ---: |");
    let uploaded = 0;
    for (const size of [300, 1000, 3000]) {
      await perRequest("fill", size - uploaded, (i) => listing.getBlockBlobClient(`doc-${String(uploaded + i).padStart(6, "0")}.txt`).upload(article, article.length, { metadata: { pipelinedrop: "true" } }));
      uploaded = size;
      const list = async (includeMetadata) => {
        const start = cpuMs(azurite.pid);
        for (let r = 0; r < 5; r++) {
          for await (const page of listing.listBlobsFlat({ includeMetadata }).byPage({ maxPageSize: 1000 })) {
            void page;
          }
        }
        return ((cpuMs(azurite.pid) - start) / 5).toFixed(0);
      };
      console.log(`| ${size} | ${await list(true)} ms | ${await list(false)} ms |`);
    }
  } finally {
    azurite.kill();
    fs.rmSync(data, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
