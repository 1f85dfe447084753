import { spawnSync } from "node:child_process";

const JAVA_INSTALL_HINT =
  "Install Java 17 or newer, e.g. `sudo apt-get install -y openjdk-17-jre-headless` " +
  "(macOS: `brew install openjdk@17`), and make sure `java` is on PATH.";

/** Parses the major version from `java -version` output (`"17.0.15"`, `"1.8.0_392"`). */
export function parseJavaMajorVersion(output: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

/** Throws a clear, actionable error unless `java` (or `javaBin`) is version 17 or newer. */
export function assertJava17(javaBin = "java"): number {
  const result = spawnSync(javaBin, ["-version"], { encoding: "utf8" });
  if (result.error) {
    throw new Error(
      `DynamoDB Local needs Java, but \`${javaBin}\` could not run (${result.error.message}). ${JAVA_INSTALL_HINT}`,
    );
  }
  const major = parseJavaMajorVersion(`${result.stderr}${result.stdout}`);
  if (major === undefined || major < 17) {
    throw new Error(
      `DynamoDB Local needs Java 17+, found ${major ?? "an unknown version"}. ${JAVA_INSTALL_HINT}`,
    );
  }
  return major;
}
