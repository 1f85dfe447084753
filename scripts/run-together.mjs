// Runs npm scripts at the same time and fails when any fails: the type check (one core) and the
// web app's build (mostly another) side by side before the tests, instead of one after the other.
import { spawn } from "node:child_process";

const names = process.argv.slice(2);
const codes = await Promise.all(
  names.map(
    (name) =>
      new Promise((resolve) => {
        const child = spawn("npm", ["run", "--silent", name], { stdio: "inherit" });
        child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
        child.on("error", () => resolve(1));
      }),
  ),
);
const failed = names.filter((_, i) => codes[i] !== 0);
if (failed.length > 0) {
  console.error(`run-together: ${failed.join(", ")} failed`);
  process.exit(1);
}
