import type { ReactNode } from "react";
import { ApiError } from "../api/problem.ts";
import { ForbiddenPage } from "../pages/forbidden/forbidden-page.tsx";
import { LoadError } from "./load-error.tsx";

interface Props {
  error: unknown;
  onRetry: () => void;
  /** What a 404 shows, where the page has its own "not found". */
  notFound?: ReactNode;
}

/** A page whose main record failed to load: the 403 page with the server's reason, else the error. */
export function PageError({ error, onRetry, notFound }: Props) {
  if (error instanceof ApiError && error.status === 403) {
    return <ForbiddenPage reason={error.problem?.title} />;
  }
  if (error instanceof ApiError && error.status === 404 && notFound) return notFound;
  return <LoadError error={error} onRetry={onRetry} />;
}
