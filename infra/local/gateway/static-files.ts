import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { HttpReply } from "./payload-v2.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * Serves the built frontend as CloudFront does on AWS: files by path, and `index.html` for any
 * other path so client-side routes load (the distribution's SPA error responses).
 */
export function staticFiles(root: string) {
  return (path: string): HttpReply => {
    const index = join(root, "index.html");
    if (!existsSync(index)) {
      return {
        status: 503,
        headers: { "content-type": "text/plain; charset=utf-8" },
        body: Buffer.from("frontend not built: run `npm run build:frontend`"),
      };
    }
    const candidate = normalize(join(root, decodeURIComponent(path)));
    const inside = candidate === root || candidate.startsWith(root + sep);
    const file =
      inside && existsSync(candidate) && statSync(candidate).isFile() ? candidate : index;
    const immutable = file !== index && file.includes(`${sep}assets${sep}`);
    return {
      status: 200,
      headers: {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      },
      body: readFileSync(file),
    };
  };
}
