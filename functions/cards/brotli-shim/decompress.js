// Stands in for the `brotli` package's pure-JS decoder (475 KiB with its dictionary) in the
// Lambda bundle: fontkit decodes WOFF2 fonts with it, and Node's zlib has Brotli built in.
// Wired by the `alias` of infra/constructs/bundle-options.ts; tests and tools use the package.
import { brotliDecompressSync } from "node:zlib";

/** `brotli/decompress.js`'s signature: (compressed, expected size) → decompressed bytes. */
export default function decompress(buffer) {
  return new Uint8Array(brotliDecompressSync(buffer));
}
