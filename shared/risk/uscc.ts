import * as z from "zod";

/** The 31 characters of GB 32100-2015 (no I, O, S, V, Z). */
export const USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

/** Weights of positions 1–17 (3^(i) mod 31), GB 32100-2015. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/**
 * The check character of a unified social credit code from its first 17 characters, per
 * GB 32100-2015: C18 = 31 − (Σ value(Ci)·Wi mod 31), where 31 maps to 0. `undefined` when the
 * input is not 17 characters of the charset.
 */
export function usccCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17.charAt(i));
    if (value < 0) return undefined;
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = 31 - (sum % 31);
  return USCC_CHARSET.charAt(check === 31 ? 0 : check);
}

/**
 * Whether a string is a well-formed unified social credit code (统一社会信用代码): 18 characters
 * of the GB 32100-2015 charset, positions 3–8 an administrative division code (digits), and the
 * 18th the check character. Upper case only; normalise before calling.
 */
export function isValidUscc(code: string): boolean {
  return SHAPE.test(code) && usccCheckCharacter(code.slice(0, 17)) === code.charAt(17);
}

/** What `UsccSchema` accepts, in words. */
export const USCC_RULE = {
  zh: "应为 18 位统一社会信用代码（GB 32100-2015，末位为校验码）",
  en: "expected an 18-character unified social credit code (GB 32100-2015, last character a check digit)",
} as const;

/** A unified social credit code; trims and upper-cases, then checks per GB 32100-2015. */
export const UsccSchema = z.string().trim().toUpperCase().refine(isValidUscc, {
  message: "统一社会信用代码无效（GB 32100-2015 校验失败） / invalid USCC",
});
