import { ROLE_LABELS } from "../../../../shared/tenancy/roles.ts";
import type { DemoUser } from "../demo-users.ts";
import { DEMO_PASSWORD } from "../demo-users.ts";

export type PageLanguage = "zh-CN" | "en";

const TEXT = {
  "zh-CN": {
    product: "城市安全风险云",
    title: "登录",
    email: "邮箱",
    password: "密码",
    submit: "登录",
    demoTitle: "演示账号",
    demoHint: "仅本地环境：点击账号即可登录",
    invalid: "邮箱或密码错误",
    throttled: "尝试次数过多，请 {s} 秒后再试",
    signUp: "企业注册",
    other: "English",
  },
  en: {
    product: "CityRisk",
    title: "Sign in",
    email: "E-mail",
    password: "Password",
    submit: "Sign in",
    demoTitle: "Demo users",
    demoHint: "Local only: click a user to sign in",
    invalid: "Wrong e-mail or password",
    throttled: "Too many attempts, try again in {s} s",
    signUp: "Register an enterprise",
    other: "中文",
  },
} as const;

/** `ui_locales` as the web app sends it (`en`, `zh-CN`); Chinese unless English is asked for. */
export function pageLanguage(uiLocales: unknown): PageLanguage {
  const first = typeof uiLocales === "string" ? uiLocales.split(" ")[0] : undefined;
  return first?.toLowerCase().startsWith("en") ? "en" : "zh-CN";
}

const htmlText = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

export interface SignInPageInput {
  uid: string;
  language: PageLanguage;
  users: readonly DemoUser[];
  email?: string;
  failure?: { kind: "invalid" } | { kind: "throttled"; retryAfterSeconds: number };
}

/**
 * The local provider's sign-in page (what Cognito's managed login is on AWS): an e-mail and
 * password form, and the demo users as one-click buttons posting their demo password.
 */
export function signInPage(input: SignInPageInput): string {
  const { uid, language } = input;
  const t = TEXT[language];
  const pick = (text: { zh: string; en: string }) => (language === "en" ? text.en : text.zh);
  const action = `/oidc/interaction/${encodeURIComponent(uid)}/login`;
  const other = language === "en" ? "zh-CN" : "en";
  const failure = input.failure
    ? input.failure.kind === "invalid"
      ? t.invalid
      : t.throttled.replace("{s}", String(input.failure.retryAfterSeconds))
    : undefined;
  const demo = input.users
    .map(
      (u) => `<li><form method="post" action="${action}">
  <input type="hidden" name="email" value="${htmlText(u.email)}">
  <input type="hidden" name="password" value="${htmlText(DEMO_PASSWORD)}">
  <button type="submit" data-email="${htmlText(u.email)}"><strong>${htmlText(pick(u.label))}</strong>
  <span>${htmlText(pick(u.tenantName))} · ${htmlText(pick(ROLE_LABELS[u.role]))}</span>
  <small>${htmlText(u.email)}</small></button></form></li>`,
    )
    .join("\n");
  return `<!DOCTYPE html>
<html lang="${language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlText(t.title)} · ${htmlText(t.product)}</title>
<style>
body{font-family:system-ui,"WenQuanYi Zen Hei",sans-serif;margin:0;background:#f5f5f5;color:#222}
header{background:#001529;color:#fff;padding:12px 24px;display:flex;justify-content:space-between;align-items:center}
header a{color:#fff}
main{display:flex;flex-wrap:wrap;gap:24px;padding:24px;max-width:1080px;margin:0 auto}
section{background:#fff;border-radius:8px;padding:24px;box-shadow:0 1px 2px rgba(0,0,0,.1)}
section.form{flex:1 1 300px;max-width:420px}section.demo{flex:2 1 420px}
label{display:block;margin:12px 0 4px}input{width:100%;box-sizing:border-box;padding:8px;font-size:14px}
button{cursor:pointer;font-size:14px}
.primary{margin-top:16px;width:100%;padding:10px;background:#1677ff;color:#fff;border:0;border-radius:6px}
.error{color:#cf1322;margin:8px 0 0}
ul{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px}
li button{width:100%;text-align:left;padding:12px;background:#fff;border:1px solid #d9d9d9;border-radius:6px;display:flex;flex-direction:column;gap:4px}
li button:hover{border-color:#1677ff}small{color:#888}
</style>
</head>
<body>
<header><span data-testid="brand">${htmlText(TEXT["zh-CN"].product)} · ${htmlText(TEXT.en.product)}</span>
<a href="?lang=${other}">${htmlText(t.other)}</a></header>
<main>
<section class="form"><h1>${htmlText(t.title)}</h1>
<form method="post" action="${action}">
<label for="email">${htmlText(t.email)}</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${htmlText(input.email ?? "")}">
<label for="password">${htmlText(t.password)}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
${failure ? `<p class="error" role="alert">${htmlText(failure)}</p>` : ""}
<button class="primary" type="submit">${htmlText(t.submit)}</button>
</form>
<p><a href="/sign-up" data-testid="sign-up-link">${htmlText(t.signUp)}</a></p>
</section>
${
  input.users.length > 0
    ? `<section class="demo" data-testid="demo-users"><h2>${htmlText(t.demoTitle)}</h2><p>${htmlText(t.demoHint)}</p><ul>
${demo}
</ul></section>`
    : ""
}
</main>
</body>
</html>`;
}
