import { DomainError, type ErrorCode } from "../errors.ts";
import type { UploadVerdict } from "./evidence.ts";

const REFUSALS = {
  missing: {
    code: "hiddenDanger.evidenceMissing",
    title: { zh: "尚未上传照片", en: "Nothing was uploaded for this photo" },
  },
  tooLarge: {
    code: "hiddenDanger.evidenceTooLarge",
    title: { zh: "照片超过大小限制", en: "The photo is larger than allowed or declared" },
  },
  notImage: {
    code: "hiddenDanger.evidenceNotImage",
    title: { zh: "文件内容不是图片", en: "The file's content is not an image" },
  },
  typeMismatch: {
    code: "hiddenDanger.evidenceNotImage",
    title: { zh: "文件内容与声明的图片类型不符", en: "The content is not the declared image type" },
  },
} as const;

/** A completed upload refused by its content or size; the object is deleted. */
export class EvidenceRefusedError extends DomainError {
  readonly code: ErrorCode;

  constructor(reason: Extract<UploadVerdict, { ok: false }>["reason"]) {
    super(REFUSALS[reason].title);
    this.code = REFUSALS[reason].code;
  }
}
