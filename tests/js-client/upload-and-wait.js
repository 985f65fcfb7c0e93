// Usage: node upload-and-wait.js <connection string> <raw container> <results container> <blob name> <file> [timeout seconds]
// Uploads <file> into <raw container> as <blob name> with the official Azure JS SDK, then polls for
// results/{blob name}.json and prints it on stdout. Exit 0 when the result arrived, 1 on timeout, 2 on misuse.
"use strict";
const fs = require("node:fs");
const { BlobServiceClient } = require("@azure/storage-blob");

async function main() {
  const [connection, rawName, resultsName, blobName, file, timeoutArg] = process.argv.slice(2);
  if (!connection || !rawName || !resultsName || !blobName || !file) {
    console.error("usage: node upload-and-wait.js <connection> <raw> <results> <blob name> <file> [timeout s]");
    return 2;
  }
  const service = BlobServiceClient.fromConnectionString(connection, { retryOptions: { maxTries: 2 } });
  const raw = service.getContainerClient(rawName);
  await raw.createIfNotExists();
  await raw.getBlockBlobClient(blobName).uploadData(fs.readFileSync(file));

  const result = service.getContainerClient(resultsName).getBlobClient(`${blobName}.json`);
  const deadline = Date.now() + Number(timeoutArg || 60) * 1000;
  while (Date.now() < deadline) {
    if (await result.exists()) {
      const body = await result.downloadToBuffer();
      process.stdout.write(body.toString("utf8") + "\n");
      return 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.error(`no result for ${blobName} within the timeout`);
  return 1;
}

main().then((code) => process.exit(code), (err) => { console.error(err && err.stack || err); process.exit(3); });
