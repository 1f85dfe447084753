import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the receiver got. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** When it arrived (epoch ms) and what the receiver answered. */
  at: number;
  status: number;
}

/** What the receiver answers next on a path: a status and its headers. */
export interface Answer {
  status: number;
  headers?: Record<string, string>;
}

/** A request as it arrives: its `webhook-id` and how many times that id came to the path (1: first). */
export interface Arriving {
  path: string;
  webhookId: string;
  attempt: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Answers a request on arrival (a receiver verifies its signature then, within the tolerance). */
export type Responder = (request: Arriving) => Answer;

/**
 * A webhook receiver for tests, on 127.0.0.1: records every request and answers from a script
 * per path, else from its responder (then 204). `accepted` is what a well-behaved receiver processes: each 2xx answer's
 * `webhook-id` once (Standard Webhooks: the receiver deduplicates by it).
 */
export class WebhookReceiver {
  readonly received: Received[] = [];
  private readonly scripts = new Map<string, Answer[]>();
  private readonly seen = new Set<string>();
  private readonly attempts = new Map<string, number>();
  private responder: Responder | undefined;
  readonly accepted: Received[] = [];
  private server: Server | undefined;
  private port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const path = req.url ?? "/";
        const id = String(req.headers["webhook-id"]);
        const attempt = (this.attempts.get(`${path} ${id}`) ?? 0) + 1;
        this.attempts.set(`${path} ${id}`, attempt);
        const body = Buffer.concat(chunks).toString("utf8");
        const arriving = { path, webhookId: id, attempt, headers: req.headers, body };
        const answer = this.scripts.get(path)?.shift() ??
          this.responder?.(arriving) ?? { status: 204 };
        const got = { path, headers: req.headers, body, at: Date.now(), status: answer.status };
        this.received.push(got);
        if (answer.status < 300 && !this.seen.has(`${path} ${id}`)) {
          this.seen.add(`${path} ${id}`);
          this.accepted.push(got);
        }
        res.writeHead(answer.status, answer.headers).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** The answers a path gives next, in order; afterwards it answers 204. */
  script(path: string, answers: Answer[]): void {
    this.scripts.set(path, [...answers]);
  }

  /** How requests with no scripted answer are answered (default: 204). */
  respondWith(responder: Responder): void {
    this.responder = responder;
  }

  on(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}
