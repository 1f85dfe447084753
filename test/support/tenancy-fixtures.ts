import { randomInt } from "node:crypto";
import type { CapturedMail } from "../../infra/local/emulators/mail-capture.ts";
import type { LocalStack } from "../../infra/local/start-stack.ts";
import type { DistrictCode } from "../../shared/catalogs/districts.ts";
import type { IndustryId } from "../../shared/catalogs/industries.ts";
import { USCC_CHARSET, usccCheckCharacter } from "../../shared/risk/uscc.ts";
import type { SignupInput } from "../../shared/tenancy/requests.ts";
import type { ApiCaller } from "./stack-client.ts";
import { waitFor } from "./wait-for.ts";

/** A fresh, valid unified social credit code of a district (GB 32100-2015 check character). */
export function freshUscc(district: DistrictCode = "110105"): string {
  let body = "";
  for (let i = 0; i < 9; i++) body += USCC_CHARSET.charAt(randomInt(USCC_CHARSET.length));
  const first17 = `91${district}${body}`;
  return `${first17}${usccCheckCharacter(first17)}`;
}

export interface Place {
  district: DistrictCode;
  street: string;
  industry: IndustryId;
}

export const JIUXIANQIAO_GAS: Place = { district: "110105", street: "酒仙桥街道", industry: "gas" };

/** A complete sign-up body for an enterprise at a place. */
export function signupInput(
  name: string,
  adminEmail: string,
  place: Place = JIUXIANQIAO_GAS,
  uscc = freshUscc(place.district),
): SignupInput {
  return {
    uscc,
    name,
    industry: place.industry,
    district: place.district,
    street: place.street,
    address: "北京市朝阳区酒仙桥路 10 号",
    location: { lon: 116.49, lat: 39.97 },
    principal: { name: "赵敏", phone: "13912345678" },
    safetyContact: { name: "钱勇", phone: "010-64350001" },
    admin: { name: "赵敏", email: adminEmail },
  };
}

/** An unauthenticated caller (public routes). */
export function anonymous(stack: LocalStack): ApiCaller {
  return {
    token: "",
    async call(method, path, options = {}) {
      const res = await fetch(`${stack.baseUrl}${path}`, {
        method,
        headers: {
          ...(options.body === undefined ? {} : { "content-type": "application/json" }),
          ...options.headers,
        },
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      const text = await res.text();
      return {
        status: res.status,
        headers: res.headers,
        body: text ? JSON.parse(text) : undefined,
      };
    },
  };
}

/** How long a test waits for a side effect that leaves through the outbox. */
export const OUTBOX_WAIT_MS = 150_000;

/** The invitation token in the newest e-mail the stack sent to `email`. */
export async function invitationToken(stack: LocalStack, email: string): Promise<string> {
  const mail = await waitFor(
    () => stack.mail.list().find((m: CapturedMail) => m.to.includes(email)),
    // Mail leaves through the outbox: the stream carries it within a second or two, the sweep
    // within two minutes at worst (a 60 s grace, then the next one-minute sweep); on a loaded
    // 2-core runner the stream can lag that far. Below vitest's test timeout (180 s).
    { description: `an e-mail to ${email}`, timeoutMs: OUTBOX_WAIT_MS },
  );
  const token = /\/invitations\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no invitation link in the e-mail to ${email}`);
  return token;
}
