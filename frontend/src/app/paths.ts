/** Every URL the app links to, declared once. */
export const paths = {
  home: "/",
  signIn: "/sign-in",
  authCallback: "/auth/callback",
  riskSources: "/risk-sources",
  riskSourceNew: "/risk-sources/new",
  riskSourceImport: "/risk-sources/import",
  riskSource: "/risk-sources/:id",
  riskSourceAssess: "/risk-sources/:id/assess",
  reviews: "/reviews",
  signUp: "/sign-up",
  invitation: "/invitations/:token",
  approvals: "/approvals",
  users: "/users",
  delegations: "/delegations",
  integrators: "/integrators",
  supervisionChanges: "/supervision-changes",
  warnings: "/warnings",
  riskMap: "/map",
  emergencyResources: "/emergency-resources",
  /** The public page a risk card's QR code opens (no sign-in). */
  publicRiskSource: "/p/:token",
} as const;
