/**
 * fauxqs exports `buildApp` but not its stores; the stores are needed to plug a disk-backed S3
 * store in. The package's `exports` map hides them, so they are imported by file path. fauxqs is
 * pinned to ~1.9.2 in package.json: re-check these paths when upgrading.
 */
export { S3Store } from "../../../node_modules/fauxqs/dist/s3/s3Store.js";
export type { S3Object } from "../../../node_modules/fauxqs/dist/s3/s3Types.js";
export { SnsStore } from "../../../node_modules/fauxqs/dist/sns/snsStore.js";
export { SqsStore } from "../../../node_modules/fauxqs/dist/sqs/sqsStore.js";
