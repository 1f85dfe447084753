import { ulid } from "ulidx";
import type {
  StoredExportJob,
  StoredImportJob,
} from "../../functions/adapters/dynamodb/entities/import-job.ts";
import type { StoredReportJob } from "../../functions/adapters/dynamodb/entities/report-job.ts";
import type { Store } from "../../functions/adapters/dynamodb/store.ts";
import { riskSourceItem } from "../../functions/registry/risk-source-item.ts";
import { demoIntegratorWrites } from "../../infra/local/seed/demo-integrators.ts";
import { getProfile } from "../../shared/methodology/profiles/registry.ts";
import type { Assessment } from "../../shared/risk/assessment.ts";
import type { Enterprise } from "../../shared/risk/enterprise.ts";
import type { RiskSource } from "../../shared/risk/risk-source.ts";
import type { SupervisionChange } from "../../shared/risk/supervision-change.ts";
import { isValidUscc, USCC_CHARSET, usccCheckCharacter } from "../../shared/risk/uscc.ts";
import type { Caller } from "../../shared/tenancy/claims.ts";
import type { Delegation } from "../../shared/tenancy/delegation.ts";
import type { IntegratorClient } from "../../shared/tenancy/integrator-client.ts";
import type { Tenant } from "../../shared/tenancy/tenant.ts";
import type { User } from "../../shared/tenancy/user.ts";
import {
  AGENCY_TENANT_ID,
  OTHER_AGENCY_TENANT_ID,
  OWNER_LIST,
  type Owner,
} from "./matrix-owners.ts";
import { EXTRA_LOGINS } from "./matrix-principals.ts";
import { enterpriseFixture, putEnterprise, riskSourceInput } from "./registry-fixtures.ts";

/** A source with a submitted assessment awaiting review. */
export interface AssessedSource {
  source: RiskSource;
  assessment: Assessment;
}

const DAY_MS = 24 * 3600 * 1000;

/**
 * The registry's record builders, imported only once the stack runs: their modules create the
 * functions' SDK clients, which read (and freeze) the configuration the stack puts in the
 * environment of this process.
 */
const registry = async () => ({
  ...(await import("../../functions/registry/risk-sources.ts")),
  ...(await import("../../functions/registry/assessments.ts")),
  ...(await import("../../functions/tenancy/invitations.ts")),
  ...(await import("../../functions/platform/data/unit-of-work.ts")),
  ...(await import("../../functions/registry/supervision-changes.ts")),
});

/** Where a matrix source waits to be moved to its owner's place: no principal's jurisdiction. */
const PARKING = { district: "110119", street: "延庆镇" } as const;

/** A valid unified social credit code (GB 32100-2015) registered in a district. */
export function freshUscc(district: string): string {
  for (;;) {
    const body = Array.from(
      { length: 9 },
      () => USCC_CHARSET[Math.floor(Math.random() * USCC_CHARSET.length)],
    ).join("");
    const first17 = `91${district}${body}`;
    const code = `${first17}${usccCheckCharacter(first17) ?? ""}`;
    if (isValidUscc(code)) return code;
  }
}

const FIXTURE_ACTOR: Caller = {
  userId: "u-matrix-fixtures",
  tenantId: "t-city-safety-committee",
  role: "cityAdmin",
  jurisdiction: { citywide: true, districts: [], industries: [] },
};

/**
 * The matrix's data, written straight into the stack's table through the product's entity
 * model: both demo enterprises, shared read-only targets, and fresh targets for cases that
 * change state (so every case is repeatable).
 */
export class MatrixFixtures {
  readonly #shared = new Map<string, AssessedSource>();

  constructor(readonly store: Store) {}

  async seedOwners(): Promise<void> {
    await this.tenant({ id: AGENCY_TENANT_ID, kind: "assessmentAgency", name: "示范评价公司" });
    await this.tenant({
      id: OTHER_AGENCY_TENANT_ID,
      kind: "assessmentAgency",
      name: "另一评价公司",
    });
    await this.tenant({
      id: FIXTURE_ACTOR.tenantId,
      kind: "government",
      name: "北京市安全生产委员会",
      jurisdiction: "*",
    });
    // The extra principals' logins need active user records, as every user's token does.
    for (const login of EXTRA_LOGINS) {
      const at = new Date().toISOString();
      const user: User = {
        ...login,
        status: "active",
        activatedAt: at,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      await this.store.entities.user
        .put({ tenantId: user.tenantId, userId: user.userId, version: 1, record: user })
        .go();
    }
    // The integrator principal is the demo client; the authorizer needs its registration.
    for (const write of demoIntegratorWrites(this.store, new Date().toISOString())) await write();
    for (const owner of OWNER_LIST) {
      await this.tenant({
        id: owner.tenantId,
        kind: "enterprise",
        name: `测试企业 ${owner.tenantId}`,
        uscc: owner.uscc,
        ...owner.place,
      });
      await putEnterprise(this.store, enterpriseFixture(owner.tenantId, owner.place, owner.uscc));
      this.#shared.set(owner.key, await this.assessedSource(owner));
    }
  }

  /** The long-lived source and submitted assessment of an owner, never changed by a case. */
  shared(owner: Owner): AssessedSource {
    const found = this.#shared.get(owner.key);
    if (!found) throw new Error(`seedOwners() first (${owner.key})`);
    return found;
  }

  /** A new, unassessed source of the owner (delegated to the agency where the owner does so). */
  async source(owner: Owner, name = "加油区（加油机）"): Promise<RiskSource> {
    const { newRiskSource } = await registry();
    const record = newRiskSource(owner.tenantId, riskSourceInput(owner.place, name), new Date());
    await this.store.entities.riskSource.create(riskSourceItem(record)).go();
    if (owner.delegatesToAgency) await this.delegate(owner, [record.id]);
    return record;
  }

  /** A new source with a submitted LEC assessment (L3 E10 C15 → major), awaiting review. */
  async assessedSource(owner: Owner): Promise<AssessedSource> {
    const fresh = await this.source(owner);
    const { assessmentItem, gradeAssessment } = await registry();
    const now = new Date();
    const assessment = gradeAssessment(
      {
        userId: `u-matrix-${owner.key}`,
        tenantId: owner.tenantId,
        role: "enterpriseAdmin",
        jurisdiction: { citywide: false, districts: [], industries: [] },
      },
      fresh,
      { profileId: "lec-default", current: { L: 3, E: 10, C: 15 } },
      getProfile("lec-default"),
      now,
    );
    const source: RiskSource = {
      ...fresh,
      currentLevel: assessment.grade.level,
      lastAssessment: {
        id: assessment.id,
        profileId: assessment.profileId,
        profileVersion: assessment.profileVersion,
        gradedAt: assessment.gradedAt,
        status: "submitted",
      },
      nextReviewAt: assessment.nextReviewAt,
      version: fresh.version + 1,
      updatedAt: now.toISOString(),
    };
    await this.store.entities.riskSource.put(riskSourceItem(source)).go();
    await this.store.entities.assessment.create(assessmentItem(assessment, source)).go();
    return { source, assessment };
  }

  /**
   * Delegates sources of the owner: to the demo agency when the owner delegates to it, else to
   * another agency (so the demo assessor's relation to that owner stays "not delegated").
   */
  async delegate(owner: Owner, riskSourceIds: string[]): Promise<Delegation> {
    const at = new Date();
    const delegation: Delegation = {
      id: `dg-${ulid().toLowerCase()}`,
      tenantId: owner.tenantId,
      version: 1,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      agencyTenantId: owner.delegatesToAgency ? AGENCY_TENANT_ID : OTHER_AGENCY_TENANT_ID,
      riskSourceIds,
      expiresAt: new Date(at.getTime() + DAY_MS).toISOString(),
      revokedAt: null,
      grantedBy: `u-matrix-${owner.key}`,
    };
    await this.store.entities.delegation
      .put({
        tenantId: delegation.tenantId,
        id: delegation.id,
        agencyTenantId: delegation.agencyTenantId,
        version: delegation.version,
        record: delegation,
      })
      .go();
    return delegation;
  }

  /** Writes a tenant record (active unless told otherwise). */
  async tenant(
    fields: Pick<Tenant, "id" | "kind" | "name"> & Partial<Omit<Tenant, "id" | "kind" | "name">>,
  ): Promise<Tenant> {
    const at = new Date().toISOString();
    const tenant: Tenant = {
      status: "active",
      version: 1,
      createdAt: at,
      updatedAt: at,
      ...fields,
    };
    const { tenantItem } = await import("../../functions/tenancy/tenant-records.ts");
    await this.store.entities.tenant.put(tenantItem(tenant)).go();
    return tenant;
  }

  /**
   * A pending enterprise sign-up in the owner's place. Its id starts with the owner's tenant id
   * (`<owner>~<ULID>`) so listings can tell whose place it lies in, as for every other item.
   */
  pendingSignup(owner: Owner): Promise<Tenant> {
    return this.tenant({
      id: `${owner.tenantId}~${ulid()}`,
      kind: "enterprise",
      status: "pending",
      name: `待审批企业 ${ulid()}`,
      uscc: freshUscc(owner.place.district),
      ...owner.place,
      applicant: { name: "申请人", email: `applicant-${ulid().toLowerCase()}@matrix.test` },
    });
  }

  /** An invited (not yet active) staff user of the owner, with the invitation's one-time token. */
  async invitation(owner: Owner): Promise<{ token: string; user: User }> {
    const { issueInvitation, writeTogether } = await registry();
    const issued = issueInvitation(
      FIXTURE_ACTOR,
      {
        tenantId: owner.tenantId,
        tenantName: `测试企业 ${owner.tenantId}`,
        email: `staff-${ulid().toLowerCase()}@matrix.test`,
        name: "受邀员工",
        role: "enterpriseStaff",
        jurisdiction: `d:${owner.place.district};i:${owner.place.industry}`,
      },
      new Date(),
      "http://localhost",
    );
    await writeTogether(this.store, issued.steps);
    return { token: issued.token, user: issued.user };
  }

  /** A finished report job in a tenant's partition (its file is never fetched by the matrix). */
  async reportJob(tenantId: string): Promise<StoredReportJob> {
    const at = new Date().toISOString();
    const id = `rep-${ulid().toLowerCase()}`;
    const job: StoredReportJob = {
      id,
      tenantId,
      kind: "coverage",
      format: "csv",
      status: "done",
      rows: 0,
      createdAt: at,
      updatedAt: at,
      caller: { ...FIXTURE_ACTOR, tenantId },
      scope: { kind: "tenant", tenantId },
      request: { kind: "coverage", format: "csv" },
      objectKey: `${tenantId}/reports/${id}.csv`,
    };
    await this.store.entities.reportJob.put({ tenantId, id, version: 1, record: job }).go();
    return job;
  }

  /** A finished export job in a tenant's partition (its link is signed whether or not the file exists). */
  async exportJob(tenantId: string): Promise<StoredExportJob> {
    const at = new Date().toISOString();
    const id = `exp-${ulid().toLowerCase()}`;
    const job: StoredExportJob = {
      id,
      tenantId,
      kind: "riskSourceExport",
      status: "done",
      format: "csv",
      rows: 0,
      objectKey: `${tenantId}/exports/${id}.csv`,
      caller: { ...FIXTURE_ACTOR, tenantId },
      scope: { kind: "tenant", tenantId },
      filters: {},
      createdAt: at,
      updatedAt: at,
    };
    await this.store.entities.importJob
      .put({ tenantId, id: job.id, status: job.status, record: job })
      .go();
    return job;
  }

  /** A finished dry-run import job in a tenant's partition. */
  async importJob(tenantId: string, kind: StoredImportJob["kind"]): Promise<StoredImportJob> {
    const at = new Date().toISOString();
    const job: StoredImportJob = {
      id: `imp-${ulid().toLowerCase()}`,
      tenantId,
      kind,
      status: "done",
      dryRun: true,
      fileName: "matrix.csv",
      format: "csv",
      objectKey: `imports/${tenantId}/matrix.csv`,
      caller: { ...FIXTURE_ACTOR, tenantId },
      total: 0,
      processed: 0,
      written: 0,
      failedRows: 0,
      errors: [],
      createdAt: at,
      updatedAt: at,
    };
    await this.store.entities.importJob
      .put({ tenantId, id: job.id, status: job.status, record: job })
      .go();
    return job;
  }

  async storedTenant(id: string): Promise<Tenant | undefined> {
    const { data } = await this.store.entities.tenant.get({ tenantId: id }).go();
    return data?.record;
  }

  /** A registered integrator of an owner's tenant (its client need not exist for a PATCH). */
  async integrator(owner: Owner): Promise<IntegratorClient> {
    const at = new Date().toISOString();
    const record: IntegratorClient = {
      tenantId: owner.tenantId,
      clientId: `ic-matrix-${ulid().toLowerCase()}`,
      name: "矩阵对接系统",
      jurisdiction: "",
      scopes: ["read"],
      status: "active",
      createdBy: FIXTURE_ACTOR.userId,
      version: 1,
      createdAt: at,
      updatedAt: at,
    };
    await this.store.entities.integratorClient
      .create({ tenantId: record.tenantId, clientId: record.clientId, version: 1, record })
      .go();
    return record;
  }

  async storedIntegrator(c: IntegratorClient): Promise<IntegratorClient | undefined> {
    const { data } = await this.store.entities.integratorClient
      .get({ tenantId: c.tenantId, clientId: c.clientId })
      .go();
    return data?.record;
  }

  async storedUser(user: User): Promise<User | undefined> {
    const { data } = await this.store.entities.user
      .get({ tenantId: user.tenantId, userId: user.userId })
      .go();
    return data?.record;
  }

  async storedDelegation(d: Delegation): Promise<Delegation | undefined> {
    const { data } = await this.store.entities.delegation
      .get({ tenantId: d.tenantId, id: d.id })
      .go();
    return data?.record;
  }

  async storedSource(owner: Owner, id: string): Promise<RiskSource | undefined> {
    const { data } = await this.store.entities.riskSource
      .get({ tenantId: owner.tenantId, id })
      .go();
    return data?.record;
  }

  async storedAssessment(a: Assessment): Promise<Assessment | undefined> {
    const { data } = await this.store.entities.assessment
      .get({ tenantId: a.tenantId, riskSourceId: a.riskSourceId, id: a.id })
      .go();
    return data?.record;
  }

  /**
   * A pending request to move a source of the owner, supervised elsewhere (Yanqing), to the
   * owner's place: whoever is over the owner's place is its receiving official.
   */
  async supervisionChange(
    owner: Owner,
  ): Promise<{ change: SupervisionChange; source: RiskSource }> {
    const { changeItem, newRiskSource } = await registry();
    const input = riskSourceInput(owner.place, "待迁入的风险源");
    const now = new Date();
    const source = newRiskSource(
      owner.tenantId,
      { ...input, supervision: { ...input.supervision, ...PARKING } },
      now,
    );
    await this.store.entities.riskSource.create(riskSourceItem(source)).go();
    const at = now.toISOString();
    const change: SupervisionChange = {
      id: `${owner.tenantId}~${ulid()}`,
      tenantId: owner.tenantId,
      version: 1,
      createdAt: at,
      updatedAt: at,
      target: { type: "riskSource", id: source.id },
      enterpriseName: `测试企业 ${owner.tenantId}`,
      targetName: source.name,
      from: { ...PARKING, industry: owner.place.industry },
      to: owner.place,
      reason: "矩阵测试",
      status: "pending",
      requestedBy: `u-matrix-${owner.key}`,
      decision: null,
    };
    await this.store.entities.supervisionChange.create(changeItem(change)).go();
    return { change, source };
  }

  async storedSupervisionChange(c: SupervisionChange): Promise<SupervisionChange | undefined> {
    const { data } = await this.store.entities.supervisionChange
      .get({ tenantId: c.tenantId, id: c.id })
      .go();
    return data?.record;
  }

  async storedEnterprise(owner: Owner): Promise<Enterprise | undefined> {
    const { data } = await this.store.entities.enterprise.get({ tenantId: owner.tenantId }).go();
    return data?.record;
  }
}
