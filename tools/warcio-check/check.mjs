// Reads WARC files written by citecheck with warcio.js, a reader that shares no code
// with ours, and checks each record against ISO 28500 WARC/1.1 as citecheck uses it:
//   - every record parses and has WARC-Type, WARC-Record-ID (unique), WARC-Date and
//     a Content-Length that warcio reads exactly;
//   - request and response records carry WARC-Target-URI, come in pairs that name each
//     other in WARC-Concurrent-To, and responses parse as HTTP;
//   - the WARC-Payload-Digest of each response is the SHA-1 (base32) of the payload as
//     warcio reads it (the bytes after the HTTP head, still content-coded).
//
//   node check.mjs FILE_OR_DIR...     (exit status 1 when a check fails)
import { createHash } from "node:crypto";
import { createReadStream, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { WARCParser } from "warcio";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32(bytes) {
  let bits = 0, value = 0, out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

function warcFiles(paths) {
  const files = [];
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) {
        if (name.endsWith(".warc.gz") || name.endsWith(".warc")) files.push(join(path, name));
      }
    } else {
      files.push(path);
    }
  }
  return files;
}

async function checkFile(file, totals, problems) {
  const ids = new Set();
  const concurrent = new Map();  // record id -> the id it names in WARC-Concurrent-To
  const types = new Map();       // record id -> WARC-Type
  const parser = new WARCParser(createReadStream(file));
  for await (const record of parser) {
    const id = record.warcHeader("WARC-Record-ID");
    const type = record.warcType;
    const where = `${file}: ${type} ${id}`;
    totals.records += 1;
    totals.byType[type] = (totals.byType[type] || 0) + 1;
    if (!id || ids.has(id)) problems.push(`${where}: missing or repeated WARC-Record-ID`);
    ids.add(id);
    types.set(id, type);
    if (!record.warcHeader("WARC-Date")) problems.push(`${where}: no WARC-Date`);
    if (type === "request" || type === "response") {
      if (!record.warcTargetURI) problems.push(`${where}: no WARC-Target-URI`);
      concurrent.set(id, record.warcHeader("WARC-Concurrent-To"));
    }
    if (type === "response") {
      if (!record.httpHeaders || !record.httpHeaders.statusCode) {
        problems.push(`${where}: the block is not an HTTP response`);
      }
      const payload = await record.readFully(false);
      const digest = "sha1:" + base32(createHash("sha1").update(payload).digest());
      if (digest !== record.warcHeader("WARC-Payload-Digest")) {
        problems.push(`${where}: payload digest ${digest} != ${record.warcHeader("WARC-Payload-Digest")}`);
      } else {
        totals.digestsChecked += 1;
      }
    } else {
      await record.readFully(false);
    }
  }
  for (const [id, other] of concurrent) {
    const pair = types.get(id) === "request" ? "response" : "request";
    if (types.get(other) !== pair || concurrent.get(other) !== id) {
      problems.push(`${file}: ${types.get(id)} ${id} is not paired with a ${pair}`);
    }
  }
  totals.files += 1;
}

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error("usage: node check.mjs FILE_OR_DIR...");
  process.exit(2);
}
const totals = { files: 0, records: 0, byType: {}, digestsChecked: 0 };
const problems = [];
for (const file of warcFiles(paths)) {
  try {
    await checkFile(file, totals, problems);
  } catch (error) {
    problems.push(`${file}: warcio could not read it: ${error.message}`);
  }
}
console.log(JSON.stringify({ ...totals, problems: problems.length }, null, 1));
for (const problem of problems.slice(0, 20)) console.log("problem: " + problem);
process.exit(problems.length === 0 ? 0 : 1);
