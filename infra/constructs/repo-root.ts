import { fileURLToPath } from "node:url";

/** Repository root: manifest handler paths and the npm lock file are relative to it. */
export const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
