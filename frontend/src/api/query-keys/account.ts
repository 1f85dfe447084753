/** Query keys of the signed-in account and the platform around it. */
export const accountKeys = {
  me: () => ["account", "me"] as const,
  health: () => ["account", "health"] as const,
};
