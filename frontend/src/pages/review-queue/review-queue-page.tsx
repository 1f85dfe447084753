import { App, Button, Flex, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Assessment, AssessmentReviewInput } from "../../../../shared/risk/assessment.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { ApiError } from "../../api/problem.ts";
import { reviewAssessment } from "../../api/registry/reviews.ts";
import { type Decision, ReviewDialog } from "./review-dialog.tsx";
import { ReviewTable } from "./review-table.tsx";
import { useReviewContext } from "./use-review-context.ts";
import { useReviewQueue } from "./use-review-queue.ts";

/** 评估审核: the official accepts submitted assessments, or returns them with a comment. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const client = useApi();
  const { message } = App.useApp();
  const queue = useReviewQueue();
  const context = useReviewContext(queue.items);
  const [pending, setPending] = useState<{ assessment: Assessment; decision: Decision }>();
  const [busy, setBusy] = useState(false);

  const decide = async (input: AssessmentReviewInput) => {
    if (!pending) return;
    setBusy(true);
    try {
      await reviewAssessment(client, pending.assessment, input);
      queue.remove(pending.assessment.id);
      void message.success(
        t(input.decision === "accept" ? "registry.review.accepted" : "registry.review.returned"),
      );
      setPending(undefined);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 409 || error.status === 412)) {
        void message.warning(t("registry.review.conflict"));
        setPending(undefined);
        queue.reload();
      } else {
        void message.error(errorText(error, t));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("registry.review.title")}
      </Typography.Title>
      <Typography.Text type="secondary">{t("registry.review.hint")}</Typography.Text>
      <ReviewTable
        items={queue.items}
        loading={queue.loading}
        context={context}
        onDecide={(assessment, decision) => setPending({ assessment, decision })}
      />
      {queue.hasMore && (
        <Flex justify="center">
          <Button onClick={queue.loadMore} loading={queue.loading}>
            {t("registry.common.loadMore")}
          </Button>
        </Flex>
      )}
      <ReviewDialog
        decision={pending?.decision}
        sourceName={pending ? (context.sourceNames.get(pending.assessment.riskSourceId) ?? "") : ""}
        busy={busy}
        onCancel={() => setPending(undefined)}
        onConfirm={(input) => void decide(input)}
      />
    </Flex>
  );
}
