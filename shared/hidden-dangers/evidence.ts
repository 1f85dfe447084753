/**
 * Evidence photos (整改照片): images only, size-limited, the type read from the content's magic
 * bytes when the upload completes — never from the file name or the declared type alone.
 */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_PER_DANGER = 20;

export const EVIDENCE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif"] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** How many leading bytes `sniffImage` needs. */
export const SNIFF_BYTES = 12;

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) =>
  prefix.every((b, i) => bytes[at + i] === b);

/** The image type the content's signature names (JPEG, PNG, WebP, GIF), or undefined. */
export function sniffImage(bytes: Uint8Array): EvidenceType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return "image/gif";
  // RIFF....WEBP
  if (
    startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) &&
    startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)
  ) {
    return "image/webp";
  }
  return undefined;
}

export type UploadVerdict =
  | { ok: true; contentType: EvidenceType }
  | { ok: false; reason: "missing" | "tooLarge" | "notImage" | "typeMismatch" };

/**
 * Judges a completed upload: it exists, is no larger than declared nor than the limit, and its
 * content is the image type that was declared.
 */
export function judgeUpload(
  declared: { contentType: string; size: number },
  stored: { size: number; head: Uint8Array } | undefined,
): UploadVerdict {
  if (!stored) return { ok: false, reason: "missing" };
  if (stored.size > EVIDENCE_MAX_BYTES || stored.size > declared.size) {
    return { ok: false, reason: "tooLarge" };
  }
  const sniffed = sniffImage(stored.head);
  if (!sniffed) return { ok: false, reason: "notImage" };
  if (sniffed !== declared.contentType) return { ok: false, reason: "typeMismatch" };
  return { ok: true, contentType: sniffed };
}
