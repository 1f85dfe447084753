import { ROLE_LABELS, type Role } from "../../shared/tenancy/roles.ts";
import type { MailMessage } from "../adapters/mail/mailer.ts";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface InvitationMailFacts {
  email: string;
  name: string;
  role: Role;
  tenantName: string;
  link: string;
  expiresAt: string;
}

/** The invitation e-mail, Chinese first then English, with the one-time link. */
export function invitationMail(facts: InvitationMailFacts): MailMessage {
  const role = ROLE_LABELS[facts.role];
  const expires = facts.expiresAt.slice(0, 10);
  const text = [
    `${facts.name}，您好：`,
    "",
    `您被邀请以“${role.zh}”身份加入“${facts.tenantName}”，使用城市安全风险云。`,
    `请在 ${expires} 前打开以下链接设置密码（链接仅可使用一次）：`,
    facts.link,
    "",
    "——",
    `Hello ${facts.name},`,
    "",
    `You are invited to join "${facts.tenantName}" on CityRisk as ${role.en}.`,
    `Open this link before ${expires} to set your password (it works once):`,
    facts.link,
  ].join("\n");
  const link = escapeHtml(facts.link);
  const html = [
    `<p>${escapeHtml(facts.name)}，您好：</p>`,
    `<p>您被邀请以“${escapeHtml(role.zh)}”身份加入“${escapeHtml(facts.tenantName)}”，使用城市安全风险云。请在 ${expires} 前<a href="${link}">设置密码</a>（链接仅可使用一次）。</p>`,
    `<p>You are invited to join “${escapeHtml(facts.tenantName)}” on CityRisk as ${escapeHtml(role.en)}. <a href="${link}">Set your password</a> before ${expires} (the link works once).</p>`,
    `<p><a href="${link}">${link}</a></p>`,
  ].join("\n");
  return {
    to: [facts.email],
    subject: `城市安全风险云邀请 / CityRisk invitation — ${facts.tenantName}`,
    text,
    html,
  };
}

/** Tells an applicant that their enterprise's sign-up was not approved, with the reason given. */
export function rejectionMail(facts: {
  email: string;
  name: string;
  tenantName: string;
  comment: string | undefined;
}): MailMessage {
  const reason = facts.comment ?? "—";
  return {
    to: [facts.email],
    subject: `注册未通过 / Sign-up not approved — ${facts.tenantName}`,
    text: [
      `${facts.name}，您好：`,
      `“${facts.tenantName}”的注册申请未获通过。意见：${reason}`,
      "",
      `Hello ${facts.name},`,
      `The sign-up of "${facts.tenantName}" was not approved. Comment: ${reason}`,
    ].join("\n"),
  };
}
