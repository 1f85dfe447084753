import { isConditionFailure } from "../../../functions/adapters/dynamodb/conditions.ts";
import type { Store } from "../../../functions/adapters/dynamodb/store.ts";
import { enterpriseItem } from "../../../functions/registry/enterprise-item.ts";
import type { Enterprise } from "../../../shared/risk/enterprise.ts";
import type { Tenant } from "../../../shared/tenancy/tenant.ts";
import type { User } from "../../../shared/tenancy/user.ts";
import { type DemoUser, demoUsers } from "../identity/demo-users.ts";
import { demoIntegratorWrites } from "./demo-integrators.ts";

/**
 * The demo users' tenants as real records (issue 3, demo data): the city safety committee,
 * Chaoyang and Haidian district governments and the gas industry department (government), the
 * gas station in Chaoyang and the mall in Haidian (enterprises, active, with their profiles and
 * credit-code claims) and one assessment agency; every demo user as an active user with the
 * claim of their e-mail; the demo integrator's registration. Their sign-ins stay the identity
 * provider's static demo accounts.
 */

type TenantSeed = Omit<Tenant, "id" | "version" | "createdAt" | "updatedAt"> & { id: string };

const TENANTS: readonly TenantSeed[] = [
  {
    id: "t-city-safety-committee",
    kind: "government",
    status: "active",
    name: "北京市安全生产委员会",
    jurisdiction: "*",
  },
  {
    id: "t-district-110105",
    kind: "government",
    status: "active",
    name: "朝阳区人民政府",
    jurisdiction: "d:110105",
  },
  {
    id: "t-district-110108",
    kind: "government",
    status: "active",
    name: "海淀区人民政府",
    jurisdiction: "d:110108",
  },
  {
    id: "t-industry-gas",
    kind: "government",
    status: "active",
    name: "北京市城市管理委员会（燃气）",
    jurisdiction: "i:gas",
  },
  {
    id: "t-gas-station-chaoyang",
    kind: "enterprise",
    status: "active",
    name: "北京朝阳示范加油站有限公司",
    uscc: "91110105MA01ABCD39",
    district: "110105",
    street: "建外街道",
    industry: "gas",
  },
  {
    id: "t-mall-haidian",
    kind: "enterprise",
    status: "active",
    name: "北京海淀示范购物中心有限公司",
    uscc: "91110108MA01EFGH28",
    district: "110108",
    street: "中关村街道",
    industry: "commerce",
  },
  {
    id: "t-assessment-agency",
    kind: "assessmentAgency",
    status: "active",
    name: "北京安平示范安全评价有限公司",
  },
];

type ProfileSeed = Omit<Enterprise, "tenantId" | "id" | "version" | "createdAt" | "updatedAt">;

const PROFILES: Readonly<Record<string, ProfileSeed>> = {
  "t-gas-station-chaoyang": {
    uscc: "91110105MA01ABCD39",
    name: "北京朝阳示范加油站有限公司",
    industry: "gas",
    district: "110105",
    street: "建外街道",
    address: "北京市朝阳区建国门外大街甲 12 号",
    location: { lon: 116.4539, lat: 39.9087 },
    principal: { name: "张伟", phone: "13801050001" },
    safetyContact: { name: "李娜", phone: "010-65150001", email: "safety@gas-station.demo" },
  },
  "t-mall-haidian": {
    uscc: "91110108MA01EFGH28",
    name: "北京海淀示范购物中心有限公司",
    industry: "commerce",
    district: "110108",
    street: "中关村街道",
    address: "北京市海淀区中关村大街 15 号",
    location: { lon: 116.3162, lat: 39.9836 },
    principal: { name: "王芳", phone: "13801080001" },
    safetyContact: { name: "刘洋", phone: "010-62550001", email: "safety@mall.demo" },
  },
};

/** Demo mobiles, so masking shows (13900000001…); not real numbers. */
function demoPhone(index: number): string {
  return `139${String(index + 1).padStart(8, "0")}`;
}

function userOf(demo: DemoUser, index: number, at: string): User {
  return {
    userId: demo.userId,
    tenantId: demo.tenantId,
    email: demo.email,
    name: demo.label.zh,
    role: demo.role,
    jurisdiction: demo.jurisdiction,
    status: "active",
    activatedAt: at,
    phone: demoPhone(index),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/** Runs a create; false when the item already exists (the seed is idempotent). */
async function created(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export interface SeedCount {
  created: number;
  skipped: number;
}

/**
 * Writes the demo tenants, enterprise profiles, users and unique claims, skipping every item
 * that already exists, so it can run on each start.
 */
export async function seedDemoTenants(store: Store, now: Date): Promise<SeedCount> {
  const at = now.toISOString();
  const e = store.entities;
  const writes: (() => Promise<unknown>)[] = [];
  for (const seed of TENANTS) {
    const tenant: Tenant = { ...seed, version: 1, createdAt: at, updatedAt: at };
    writes.push(() =>
      e.tenant
        .create({
          tenantId: tenant.id,
          kind: tenant.kind,
          status: tenant.status,
          district: tenant.district ?? "",
          street: tenant.street ?? "",
          industry: tenant.industry ?? "",
          version: 1,
          record: tenant,
        })
        .go(),
    );
    if (tenant.uscc) {
      const uscc = tenant.uscc;
      writes.push(() =>
        e.uniqueClaim
          .create({ kind: "uscc", value: uscc, tenantId: tenant.id, ownerId: tenant.id })
          .go(),
      );
    }
    const profile = PROFILES[tenant.id];
    if (profile) {
      const record: Enterprise = {
        ...profile,
        id: tenant.id,
        tenantId: tenant.id,
        version: 1,
        createdAt: at,
        updatedAt: at,
      };
      writes.push(() => e.enterprise.create(enterpriseItem(record)).go());
    }
  }
  writes.push(...demoUserWrites(store, at), ...demoIntegratorWrites(store, at));
  return runCreates(writes);
}

/** Every demo user as an active user record, with the claim of their e-mail. */
function demoUserWrites(store: Store, at: string): (() => Promise<unknown>)[] {
  const e = store.entities;
  return demoUsers.flatMap((demo, index) => {
    const user = userOf(demo, index, at);
    return [
      () =>
        e.user
          .create({ tenantId: user.tenantId, userId: user.userId, version: 1, record: user })
          .go(),
      () =>
        e.uniqueClaim
          .create({
            kind: "email",
            value: user.email,
            tenantId: user.tenantId,
            ownerId: user.userId,
          })
          .go(),
    ];
  });
}

async function runCreates(writes: readonly (() => Promise<unknown>)[]): Promise<SeedCount> {
  const count: SeedCount = { created: 0, skipped: 0 };
  for (const write of writes) {
    if (await created(write)) count.created += 1;
    else count.skipped += 1;
  }
  return count;
}

/**
 * The user records behind the identity provider's static demo accounts, written at every start
 * of the local stack (also without the demo data): the API's authorizer lets a user's token in
 * only while their record is active, as it does on AWS for invited users.
 */
export function seedDemoUsers(store: Store, now: Date): Promise<SeedCount> {
  return runCreates(demoUserWrites(store, now.toISOString()));
}
