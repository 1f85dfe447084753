/** A signed-in session. Kept in sessionStorage: it ends with the tab, never shared across tabs. */
export interface Session {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  email: string;
}

const STORAGE_KEY = "cityrisk.session";
/** Treat a token as expired a little early so a request never leaves with a dying token. */
const EXPIRY_MARGIN_MS = 10_000;

function isSession(value: unknown): value is Session {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.accessToken === "string" &&
    typeof v.expiresAt === "number" &&
    typeof v.email === "string"
  );
}

export function isExpired(session: Session, now = Date.now()): boolean {
  return session.expiresAt - EXPIRY_MARGIN_MS <= now;
}

/** The stored session, or undefined when none, unreadable or expired. */
export function loadSession(): Session | undefined {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isSession(parsed) && !isExpired(parsed)) return parsed;
  } catch {
    // fall through: a corrupt entry is dropped like an expired one
  }
  sessionStorage.removeItem(STORAGE_KEY);
  return undefined;
}

export function saveSession(session: Session): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
