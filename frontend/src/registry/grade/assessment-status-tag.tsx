import { Tag } from "antd";
import { useTranslation } from "react-i18next";
import type { AssessmentStatus } from "../../../../shared/risk/assessment.ts";

const COLOURS: Readonly<Record<AssessmentStatus, string>> = {
  submitted: "processing",
  accepted: "success",
  returned: "error",
  superseded: "default",
};

/** 待审核 / 已通过 / 已退回 / 已被取代 */
export function AssessmentStatusTag({ status }: { status: AssessmentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOURS[status]} data-status={status}>
      {t(`registry.status.${status}`)}
    </Tag>
  );
}
