/** Every URL the app links to, declared once. */
export const paths = {
  home: "/",
  signIn: "/sign-in",
} as const;
