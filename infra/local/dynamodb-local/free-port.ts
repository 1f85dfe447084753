import { createServer } from "node:net";

/** Returns `port` when given (non-zero), otherwise a port the OS reports free on 127.0.0.1. */
export async function freePort(port = 0): Promise<number> {
  if (port !== 0) return port;
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const picked = typeof address === "object" && address ? address.port : 0;
      server.close(() => (picked ? resolve(picked) : reject(new Error("no free port found"))));
    });
  });
}
