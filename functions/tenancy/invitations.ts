import { createHash, randomBytes } from "node:crypto";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Role } from "../../shared/tenancy/roles.ts";
import type { User } from "../../shared/tenancy/user.ts";
import type { InvitationAccepted, InvitationView } from "../../shared/tenancy/views.ts";
import type { Store } from "../adapters/dynamodb/store.ts";
import { PasswordRejectedError } from "../adapters/identity/identity-admin.ts";
import { identityAdmin } from "../adapters/identity/identity-admin-from-config.ts";
import { auditRecord } from "../audit/audit-log.ts";
import { auditStep, type WriteStep, writeTogether } from "../platform/data/unit-of-work.ts";
import { outboxStep } from "../platform/outbox/outbox-item.ts";
import { logger } from "../platform/powertools.ts";
import { inviteeActor } from "./actors.ts";
import { notFound, TenancyConflictError, TenancyInvalidError } from "./errors.ts";
import { newUserId } from "./ids.ts";
import { invitationMail } from "./mail-texts.ts";

/** How long an invitation link works (issue brief: 7 days). */
export const INVITATION_TTL_SECONDS = 7 * 24 * 3600;

/**
 * The claim stores only the hash. The link itself is in the invitation mail's outbox message
 * until that mail is delivered; delivery keeps no text (outbox `redacted`).
 */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface Invitee {
  tenantId: string;
  tenantName: string;
  email: string;
  name: string;
  role: Role;
  /** Token form; enterprise users carry their enterprise's place, assessors none. */
  jurisdiction: string;
}

/** What the claim of an invitation carries besides its owner. */
interface InvitationData {
  email: string;
  name: string;
  role: Role;
  tenantName: string;
  jurisdiction: string;
}

export interface IssuedInvitation {
  token: string;
  user: User;
  expiresAt: string;
  steps: WriteStep[];
}

export function emailTaken(): TenancyConflictError {
  return new TenancyConflictError("user", {
    zh: "该邮箱已被注册",
    en: "This e-mail address is already registered",
  });
}

/**
 * The writes of an invitation, for the caller's transaction: the user record (`invited`), the
 * claim of their e-mail (one account per address) and the invitation's claim, keyed by the
 * token's hash and removed by DynamoDB's TTL after seven days; plus its audit record.
 */
export function issueInvitation(
  actor: Caller,
  invitee: Invitee,
  now: Date,
  origin: string,
): IssuedInvitation {
  const token = randomBytes(32).toString("base64url");
  const at = now.toISOString();
  const expiresAtSeconds = Math.floor(now.getTime() / 1000) + INVITATION_TTL_SECONDS;
  const user: User = {
    userId: newUserId(),
    tenantId: invitee.tenantId,
    email: invitee.email,
    name: invitee.name,
    role: invitee.role,
    jurisdiction: invitee.jurisdiction,
    status: "invited",
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  const data: InvitationData = {
    email: invitee.email,
    name: invitee.name,
    role: invitee.role,
    tenantName: invitee.tenantName,
    jurisdiction: invitee.jurisdiction,
  };
  const audit = auditRecord(
    actor,
    {
      tenantId: user.tenantId,
      action: "user.invite",
      target: { type: "user", id: user.userId },
      after: user,
    },
    now,
  );
  return {
    token,
    user,
    expiresAt: new Date(expiresAtSeconds * 1000).toISOString(),
    steps: [
      {
        action: (tx) =>
          tx.user
            .create({ tenantId: user.tenantId, userId: user.userId, version: 1, record: user })
            .commit(),
      },
      {
        action: (tx) =>
          tx.uniqueClaim
            .create({
              kind: "email",
              value: user.email,
              tenantId: user.tenantId,
              ownerId: user.userId,
            })
            .commit(),
        onConflict: emailTaken,
      },
      {
        action: (tx) =>
          tx.uniqueClaim
            .create({
              kind: "invitation",
              value: tokenHash(token),
              tenantId: user.tenantId,
              ownerId: user.userId,
              data,
              expiresAt: expiresAtSeconds,
            })
            .commit(),
      },
      auditStep(audit),
      outboxStep(
        user.tenantId,
        {
          channel: "mail",
          mail: invitationMail({
            email: user.email,
            name: user.name,
            role: user.role,
            tenantName: invitee.tenantName,
            link: `${origin}/invitations/${token}`,
            expiresAt: new Date(expiresAtSeconds * 1000).toISOString(),
          }),
        },
        now,
      ),
    ],
  };
}

async function liveInvitation(store: Store, token: string, now: Date) {
  const { data: claim } = await store.entities.uniqueClaim
    .get({ kind: "invitation", value: tokenHash(token) })
    .go();
  // DynamoDB's TTL deletes within days, not at the second: expiry is checked here too.
  if (!claim?.expiresAt || claim.expiresAt * 1000 <= now.getTime()) throw notFound.invitation();
  const { data: user } = await store.entities.user
    .get({ tenantId: claim.tenantId, userId: claim.ownerId })
    .go();
  if (user?.record.status !== "invited") throw notFound.invitation();
  return { claim, user: user.record, expiresAt: new Date(claim.expiresAt * 1000).toISOString() };
}

/** What the invitation page shows: whose invitation, to which organisation, as what. */
export async function showInvitation(
  store: Store,
  token: string,
  now: Date,
): Promise<InvitationView> {
  const { claim, user, expiresAt } = await liveInvitation(store, token, now);
  const data = claim.data as Partial<InvitationData> | undefined;
  return {
    email: user.email,
    name: user.name,
    role: user.role,
    tenantName: data?.tenantName ?? user.tenantId,
    expiresAt,
  };
}

/**
 * Accepts an invitation: the login is created (or reset) in the identity provider with the
 * user's claims, then the user turns active and the invitation's claim is deleted in one
 * transaction whose condition makes the link single-use.
 */
export async function acceptInvitation(
  store: Store,
  token: string,
  password: string,
  now: Date,
): Promise<InvitationAccepted> {
  const { claim, user } = await liveInvitation(store, token, now);
  try {
    await identityAdmin().upsertLogin(
      {
        userId: user.userId,
        email: user.email,
        name: user.name,
        tenantId: user.tenantId,
        role: user.role,
        jurisdiction: user.jurisdiction,
      },
      password,
    );
  } catch (error) {
    if (error instanceof PasswordRejectedError) {
      throw new TenancyInvalidError("invitation.invalidPassword", "body.password", {
        zh: `密码不符合要求：${error.reason}`,
        en: `Password not accepted: ${error.reason}`,
      });
    }
    throw error;
  }
  const at = now.toISOString();
  const activated: User = {
    ...user,
    status: "active",
    activatedAt: at,
    version: user.version + 1,
    updatedAt: at,
  };
  const audit = auditRecord(
    inviteeActor(user),
    {
      tenantId: user.tenantId,
      action: "user.activate",
      target: { type: "user", id: user.userId },
      before: user,
      after: activated,
    },
    now,
  );
  const activation: WriteStep[] = [
    {
      action: (tx) =>
        tx.user
          .put({
            tenantId: user.tenantId,
            userId: user.userId,
            version: activated.version,
            record: activated,
          })
          .where(({ version }, { eq }) => eq(version, user.version))
          .commit(),
      onConflict: notFound.invitation,
    },
    {
      action: (tx) =>
        tx.uniqueClaim
          .delete({ kind: "invitation", value: claim.value })
          .where(({ value }, { exists }) => exists(value))
          .commit(),
      onConflict: notFound.invitation,
    },
    auditStep(audit),
  ];
  try {
    await writeTogether(store, activation);
  } catch (error) {
    await withdrawLogin(store, user, error);
    throw error;
  }
  return { email: user.email, tenantId: user.tenantId, userId: user.userId };
}

/**
 * The login was enabled before the user record's write, which then failed (the user was
 * disabled or changed meanwhile, or DynamoDB refused): the login must not outlive that failure,
 * or it would sign in a user the records say is not active. Unless the record reads `active`
 * now: then a concurrent acceptance of the same link won, and its login must keep working. A
 * failure to disable is logged; the write's own error is the one the caller sees.
 */
async function withdrawLogin(store: Store, user: User, cause: unknown): Promise<void> {
  // An unreadable record (DynamoDB failing, as the write just did) is no proof of a winner.
  const status = await store.entities.user
    .get({ tenantId: user.tenantId, userId: user.userId })
    .go({ consistent: true })
    .then(
      ({ data }) => data?.record.status,
      () => undefined,
    );
  if (status === "active") return;
  try {
    await identityAdmin().setLoginEnabled(user.email, false);
  } catch (error) {
    logger.error("login left enabled after a failed invitation acceptance", {
      userId: user.userId,
      tenantId: user.tenantId,
      error: error as Error,
      cause: cause as Error,
    });
  }
}
