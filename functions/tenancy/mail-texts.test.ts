import { describe, expect, it } from "vitest";
import { invitationMail, rejectionMail } from "./mail-texts.ts";

describe("invitationMail", () => {
  it("addresses the invitee in Chinese then English with the one-time link and its expiry", () => {
    const mail = invitationMail({
      email: "admin@new-station.test",
      name: "赵敏",
      role: "enterpriseAdmin",
      tenantName: "北京酒仙桥新能源加油站有限公司",
      link: "http://localhost:3000/invitations/abc",
      expiresAt: "2026-01-12T08:00:00.000Z",
    });

    expect(mail.to).toEqual(["admin@new-station.test"]);
    expect(mail.subject).toBe(
      "城市安全风险云邀请 / CityRisk invitation — 北京酒仙桥新能源加油站有限公司",
    );
    expect(mail.text).toContain("您被邀请以“企业管理员”身份加入“北京酒仙桥新能源加油站有限公司”");
    expect(mail.text).toContain("as Enterprise admin");
    expect(mail.text).toContain("2026-01-12");
    expect(mail.text.match(/http:\/\/localhost:3000\/invitations\/abc/g)).toHaveLength(2);
  });

  it("escapes names in the HTML part", () => {
    const mail = invitationMail({
      email: "a@b.test",
      name: "<script>",
      role: "assessor",
      tenantName: "A & B",
      link: "http://x/invitations/t",
      expiresAt: "2026-01-12T08:00:00.000Z",
    });
    expect(mail.html).toContain("&#60;script&#62;");
    expect(mail.html).toContain("A &#38; B");
    expect(mail.html).not.toContain("<script>");
  });
});

describe("rejectionMail", () => {
  it("carries the official's comment", () => {
    const mail = rejectionMail({
      email: "a@b.test",
      name: "赵敏",
      tenantName: "某公司",
      comment: "营业执照不清晰",
    });
    expect(mail.text).toContain("意见：营业执照不清晰");
    expect(mail.text).toContain("Comment: 营业执照不清晰");
  });
});
