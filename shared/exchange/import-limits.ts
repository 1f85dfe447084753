import type { Bilingual } from "../errors.ts";

/**
 * The one size limit of an import file, used by the server, the import pages and the README.
 * The file travels base64-encoded (4/3 of its size) in a JSON body capped at 1 MB, so 700 KB of
 * file is what fits with room for the rest of the body.
 */
export const MAX_IMPORT_FILE_BYTES = 700 * 1024;
/** Data rows one import reads (one job stays within a worker's memory and time). */
export const MAX_IMPORT_ROWS = 5_000;

/** The longest `contentBase64` a file within the limit encodes to. */
export const MAX_IMPORT_BASE64_LENGTH = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;

const KB = MAX_IMPORT_FILE_BYTES / 1024;

/** The limits in words, as the pages and error messages state them. */
export const IMPORT_LIMITS_TEXT: Bilingual = {
  zh: `文件不超过 ${KB} KB、${MAX_IMPORT_ROWS} 行数据`,
  en: `Files up to ${KB} KB and ${MAX_IMPORT_ROWS.toLocaleString("en")} data rows`,
};

/** The limit broken, in words (the request schema's message, "中文 / English"). */
export const FILE_TOO_LARGE_TEXT: Bilingual = {
  zh: `文件超过 ${KB} KB 上限，请拆分后分批导入`,
  en: `The file is over the ${KB} KB limit; split it into several imports`,
};

/** A file over the limit, in words. */
export function fileTooLargeText(bytes: number): Bilingual {
  const size = Math.ceil(bytes / 1024);
  return {
    zh: `文件大小 ${size} KB，超过 ${KB} KB 上限，请拆分后分批导入`,
    en: `The file is ${size} KB; the limit is ${KB} KB, split it into several imports`,
  };
}
