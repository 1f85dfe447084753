import { useQuery } from "@tanstack/react-query";
import { App } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Level } from "../../../shared/methodology/levels.ts";
import { useApi } from "../api/api-context.tsx";
import { getPreferences, notificationKeys } from "../api/notifications.ts";
import { listWarnings, warningKeys } from "../api/warnings.ts";
import { useCurrentUser } from "../auth/current-user.tsx";
import { hasRole, OFFICIAL_ROLES } from "../registry/access.ts";

/** As often as the inbox looks for new warnings. */
const POLL_MS = 15_000;
const OPEN = { status: "open" } as const;

/**
 * 站内提醒, the in-app channel of an official's notification preferences: a warning newly open
 * in their jurisdiction pops up on whatever page they are on, for the levels whose in-app
 * channel is on — red always, as red cannot be muted. Warnings open when the app loads are the
 * inbox's to show, not news. Clicking one opens it in the inbox.
 */
export function WarningAlerts() {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const navigate = useNavigate();
  const client = useApi();
  const { data: me } = useCurrentUser();
  const official = hasRole(me?.role, OFFICIAL_ROLES);
  const preferences = useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: ({ signal }) => getPreferences(client, signal),
    enabled: official,
  });
  const open = useQuery({
    queryKey: warningKeys.alerts(),
    queryFn: ({ signal }) => listWarnings(client, OPEN, undefined, signal),
    enabled: official,
    refetchInterval: POLL_MS,
  });
  const seen = useRef<Set<string>>(undefined);

  useEffect(() => {
    const items = open.data?.items;
    const channels = preferences.data?.channels;
    if (!items || !channels) return;
    if (!seen.current) {
      seen.current = new Set(items.map((w) => w.id));
      return;
    }
    const inApp = (level: Level) => level === "major" || channels[level]?.inApp !== false;
    for (const w of items) {
      if (seen.current.has(w.id)) continue;
      seen.current.add(w.id);
      if (!inApp(w.level)) continue;
      notification.warning({
        key: w.id,
        message: t("warnings.alert.title", { level: t(`levels.names.${w.level}`) }),
        description: t("warnings.alert.description", {
          enterprise: w.enterpriseName,
          source: w.riskSourceName,
          rule: t(`warnings.rules.${w.rule}`),
        }),
        onClick: () => {
          notification.destroy(w.id);
          navigate(`/warnings?id=${encodeURIComponent(w.id)}`);
        },
        duration: w.level === "major" ? 0 : 10,
      });
    }
  }, [open.data, preferences.data, notification, navigate, t]);

  return null;
}
