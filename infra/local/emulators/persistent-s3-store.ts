import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { type S3Object, S3Store } from "./fauxqs-internals.ts";

interface StoredObjectMeta {
  key: string;
  contentType: string;
  metadata: Record<string, string>;
  etag: string;
  lastModified: string;
}

/**
 * fauxqs keeps S3 objects in memory only. This store writes every bucket and object through to
 * `root` (`<bucket>/<sha256(key)>.bin` + `.json` metadata) and loads them back on start, so the
 * local stack keeps its documents across restarts. Reads stay in memory.
 */
export class PersistentS3Store extends S3Store {
  readonly #root: string;
  readonly #uploadBuckets = new Map<string, string>();

  constructor(root: string) {
    super();
    this.#root = root;
    mkdirSync(root, { recursive: true });
    this.#load();
  }

  override createBucket(name: string): void {
    super.createBucket(name);
    mkdirSync(this.#bucketDir(name), { recursive: true });
  }

  override deleteBucket(name: string): void {
    super.deleteBucket(name);
    rmSync(this.#bucketDir(name), { recursive: true, force: true });
  }

  override putObject(
    bucket: string,
    key: string,
    body: Buffer,
    contentType?: string,
    metadata?: Record<string, string>,
  ): S3Object {
    const object = super.putObject(bucket, key, body, contentType, metadata);
    this.#write(bucket, object);
    return object;
  }

  override deleteObject(bucket: string, key: string): void {
    super.deleteObject(bucket, key);
    const base = this.#objectBase(bucket, key);
    rmSync(`${base}.json`, { force: true });
    rmSync(`${base}.bin`, { force: true });
  }

  override createMultipartUpload(
    bucket: string,
    key: string,
    contentType?: string,
    metadata?: Record<string, string>,
  ): string {
    const uploadId = super.createMultipartUpload(bucket, key, contentType, metadata);
    this.#uploadBuckets.set(uploadId, bucket);
    return uploadId;
  }

  override completeMultipartUpload(
    uploadId: string,
    partSpecs: { partNumber: number; etag: string }[],
  ): S3Object {
    const object = super.completeMultipartUpload(uploadId, partSpecs);
    const bucket = this.#uploadBuckets.get(uploadId);
    this.#uploadBuckets.delete(uploadId);
    if (bucket) this.#write(bucket, object);
    return object;
  }

  override emptyBucket(name: string): void {
    super.emptyBucket(name);
    if (!this.hasBucket(name)) return;
    rmSync(this.#bucketDir(name), { recursive: true, force: true });
    mkdirSync(this.#bucketDir(name), { recursive: true });
  }

  override clearObjects(): void {
    super.clearObjects();
    for (const { name } of this.listBuckets()) this.emptyBucket(name);
  }

  override purgeAll(): void {
    super.purgeAll();
    rmSync(this.#root, { recursive: true, force: true });
    mkdirSync(this.#root, { recursive: true });
  }

  #load(): void {
    for (const entry of readdirSync(this.#root, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      super.createBucket(entry.name);
      const dir = this.#bucketDir(entry.name);
      for (const file of readdirSync(dir)) {
        if (!file.endsWith(".json")) continue;
        const base = join(dir, file.slice(0, -".json".length));
        if (!existsSync(`${base}.bin`)) continue;
        const meta = JSON.parse(readFileSync(`${base}.json`, "utf8")) as StoredObjectMeta;
        const object = super.putObject(
          entry.name,
          meta.key,
          readFileSync(`${base}.bin`),
          meta.contentType,
          meta.metadata,
        );
        object.etag = meta.etag;
        object.lastModified = new Date(meta.lastModified);
      }
    }
  }

  #write(bucket: string, object: S3Object): void {
    const base = this.#objectBase(bucket, object.key);
    const meta: StoredObjectMeta = {
      key: object.key,
      contentType: object.contentType,
      metadata: object.metadata,
      etag: object.etag,
      lastModified: object.lastModified.toISOString(),
    };
    atomicWrite(`${base}.bin`, object.body);
    atomicWrite(`${base}.json`, JSON.stringify(meta));
  }

  #bucketDir(bucket: string): string {
    return join(this.#root, bucket);
  }

  #objectBase(bucket: string, key: string): string {
    return join(this.#bucketDir(bucket), createHash("sha256").update(key).digest("hex"));
  }
}

function atomicWrite(path: string, data: Buffer | string): void {
  const temp = `${path}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}
