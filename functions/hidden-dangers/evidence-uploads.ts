import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import { ulid } from "ulidx";
import { ConflictError } from "../../shared/errors.ts";
import {
  EVIDENCE_PER_DANGER,
  judgeUpload,
  SNIFF_BYTES,
} from "../../shared/hidden-dangers/evidence.ts";
import { EvidenceRefusedError } from "../../shared/hidden-dangers/evidence-errors.ts";
import type { Evidence, HiddenDanger } from "../../shared/hidden-dangers/hidden-danger.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Scope } from "../../shared/tenancy/scope.ts";
import { presignedGet, presignedPut } from "../adapters/s3/presigned-get.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { browserS3, s3 } from "../platform/clients.ts";
import { setting } from "../platform/config.ts";
import { auditStep, writeTogether } from "../platform/data/unit-of-work.ts";
import { reachDanger } from "./danger-reach.ts";
import { dangerNotFound, putDanger } from "./hidden-danger-item.ts";

/** Upload and view links last a quarter of an hour. */
const LINK_SECONDS = 900;

const keyOf = (d: HiddenDanger, evidenceId: string) =>
  `hidden-dangers/${d.tenantId}/${d.id}/${evidenceId}`;

function changedMeanwhile(): ConflictError {
  return new ConflictError({
    zh: "隐患正被同时修改，请重试",
    en: "The hidden danger changed meanwhile; retry",
  });
}

async function saveEvidence(
  caller: Caller,
  danger: HiddenDanger,
  evidence: Evidence[],
  action: string,
  evidenceId: string,
  now: Date,
  store: Awaited<ReturnType<typeof reachDanger>>["store"],
): Promise<HiddenDanger> {
  const next: HiddenDanger = {
    ...danger,
    evidence,
    version: danger.version + 1,
    updatedAt: now.toISOString(),
  };
  const audit = auditRecord(
    caller,
    {
      tenantId: danger.tenantId,
      action: `hiddenDanger.${action}`,
      target: { type: "hiddenDanger", id: danger.id },
      after: { evidenceId },
    },
    now,
  );
  await writeTogether(store, [putDanger(next, changedMeanwhile), auditStep(audit)]);
  return next;
}

/**
 * Starts an evidence photo's upload: a pending entry on the danger and a presigned PUT of the
 * declared image type. Nothing counts until `completeEvidence` checks what arrived.
 */
export async function startEvidence(
  caller: Caller,
  scope: Scope,
  id: string,
  input: { fileName: string; contentType: string; size: number },
  now = new Date(),
) {
  const { danger, store } = await reachDanger(caller, scope, id);
  if (danger.evidence.length >= EVIDENCE_PER_DANGER) {
    throw new ConflictError({
      zh: `每条隐患最多 ${EVIDENCE_PER_DANGER} 张照片`,
      en: `At most ${EVIDENCE_PER_DANGER} photos per hidden danger`,
    });
  }
  const evidence: Evidence = {
    id: ulid(now.getTime()),
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.size,
    status: "pending",
    uploadedBy: caller.userId,
    createdAt: now.toISOString(),
  };
  await saveEvidence(
    caller,
    danger,
    [...danger.evidence, evidence],
    "evidence.start",
    evidence.id,
    now,
    store,
  );
  const link = await presignedPut(
    browserS3(),
    {
      bucket: setting("bucketName"),
      key: keyOf(danger, evidence.id),
      contentType: input.contentType,
    },
    LINK_SECONDS,
    now,
  );
  return {
    evidence,
    uploadUrl: link.url,
    method: "PUT" as const,
    headers: { "content-type": input.contentType },
    expiresAt: link.expiresAt.toISOString(),
  };
}

async function storedHead(key: string): Promise<{ size: number; head: Uint8Array } | undefined> {
  const Bucket = setting("bucketName");
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: key }));
    const object = await s3.send(
      new GetObjectCommand({ Bucket, Key: key, Range: `bytes=0-${SNIFF_BYTES - 1}` }),
    );
    const bytes = (await object.Body?.transformToByteArray()) ?? new Uint8Array();
    return { size: head.ContentLength ?? bytes.length, head: bytes.slice(0, SNIFF_BYTES) };
  } catch (error) {
    if (error instanceof Error && (error.name === "NotFound" || error.name === "NoSuchKey")) {
      return undefined;
    }
    throw error;
  }
}

/**
 * Completes an upload: the stored object's size and its magic bytes are checked against the
 * limit and the declared image type (shared/hidden-dangers/evidence.ts). A refused object is
 * deleted and its entry dropped; an accepted one is `verified`.
 */
export async function completeEvidence(
  caller: Caller,
  scope: Scope,
  id: string,
  evidenceId: string,
  now = new Date(),
): Promise<HiddenDanger> {
  const { danger, store } = await reachDanger(caller, scope, id);
  const entry = danger.evidence.find((e) => e.id === evidenceId);
  if (!entry) throw dangerNotFound();
  if (entry.status === "verified") return danger;
  const key = keyOf(danger, evidenceId);
  const verdict = judgeUpload(entry, await storedHead(key));
  if (verdict.ok) {
    const evidence = danger.evidence.map((e) =>
      e.id === evidenceId ? { ...e, status: "verified" as const } : e,
    );
    return saveEvidence(caller, danger, evidence, "evidence.complete", evidenceId, now, store);
  }
  if (verdict.reason !== "missing") {
    await s3.send(new DeleteObjectCommand({ Bucket: setting("bucketName"), Key: key }));
    const kept = danger.evidence.filter((e) => e.id !== evidenceId);
    await saveEvidence(caller, danger, kept, "evidence.refuse", evidenceId, now, store);
  }
  throw new EvidenceRefusedError(verdict.reason);
}

/** A link to view a verified photo. */
export async function evidenceLink(
  caller: Caller,
  scope: Scope,
  id: string,
  evidenceId: string,
  now = new Date(),
) {
  const { danger } = await reachDanger(caller, scope, id);
  const entry = danger.evidence.find((e) => e.id === evidenceId && e.status === "verified");
  if (!entry) throw dangerNotFound();
  const link = await presignedGet(
    browserS3(),
    {
      bucket: setting("bucketName"),
      key: keyOf(danger, evidenceId),
      contentType: entry.contentType,
    },
    LINK_SECONDS,
    now,
  );
  return { url: link.url, expiresAt: link.expiresAt.toISOString() };
}
