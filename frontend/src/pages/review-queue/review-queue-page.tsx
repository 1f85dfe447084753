import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type {
  Assessment,
  AssessmentReviewInput,
  ReviewQueueItem,
} from "../../../../shared/risk/assessment.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { ApiError } from "../../api/problem.ts";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { reviewAssessment } from "../../api/registry/reviews.ts";
import { LoadError } from "../../app/load-error.tsx";
import { type Decision, ReviewDialog } from "./review-dialog.tsx";
import { ReviewTable } from "./review-table.tsx";
import { useReviewQueue } from "./use-review-queue.ts";

/** 评估审核: the official accepts submitted assessments, or returns them with a comment. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const client = useApi();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const queue = useReviewQueue();
  const [pending, setPending] = useState<{ assessment: ReviewQueueItem; decision: Decision }>();

  const refresh = (assessment: Assessment) => {
    void queryClient.invalidateQueries({ queryKey: registryKeys.reviews() });
    void queryClient.invalidateQueries({
      queryKey: registryKeys.riskSource(assessment.riskSourceId),
    });
    void queryClient.invalidateQueries({ queryKey: registryKeys.riskSources() });
  };
  const review = useMutation({
    mutationFn: (args: { assessment: Assessment; input: AssessmentReviewInput }) =>
      reviewAssessment(client, args.assessment, args.input),
    onSuccess: (_, { assessment, input }) => {
      refresh(assessment);
      void message.success(
        t(input.decision === "accept" ? "registry.review.accepted" : "registry.review.returned"),
      );
      setPending(undefined);
    },
    onError: (error, { assessment }) => {
      if (error instanceof ApiError && (error.status === 409 || error.status === 412)) {
        void message.warning(t("registry.review.conflict"));
        setPending(undefined);
        refresh(assessment);
      } else {
        void message.error(errorText(error, t));
      }
    },
  });

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("registry.review.title")}
      </Typography.Title>
      <Typography.Text type="secondary">{t("registry.review.hint")}</Typography.Text>
      {queue.error && <LoadError error={queue.error} onRetry={() => void queue.refetch()} />}
      {!(queue.error && queue.items.length === 0) && (
        <ReviewTable
          items={queue.items}
          loading={queue.isFetching}
          onDecide={(assessment, decision) => setPending({ assessment, decision })}
        />
      )}
      {queue.hasNextPage && (
        <Flex justify="center">
          <Button onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
            {t("registry.common.loadMore")}
          </Button>
        </Flex>
      )}
      <ReviewDialog
        decision={pending?.decision}
        sourceName={pending?.assessment.riskSourceName ?? ""}
        busy={review.isPending}
        onCancel={() => setPending(undefined)}
        onConfirm={(input) => pending && review.mutate({ assessment: pending.assessment, input })}
      />
    </Flex>
  );
}
