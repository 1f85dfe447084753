import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Space, Typography } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { AssessmentReviewInput, ReviewQueueItem } from "../../../../shared/risk/assessment.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { ApiError } from "../../api/problem.ts";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { reviewAssessment, reviewMany } from "../../api/registry/reviews.ts";
import { LoadError } from "../../app/load-error.tsx";
import { type Decision, ReviewDialog } from "./review-dialog.tsx";
import { reviewFiltersFromSearch, searchFromReviewFilters } from "./review-filter-params.ts";
import { ReviewFiltersBar } from "./review-filters.tsx";
import { ReviewTable } from "./review-table.tsx";
import { useReviewQueue } from "./use-review-queue.ts";

type Pending = { assessments: ReviewQueueItem[]; decision: Decision };

/**
 * 评估审核: the official finds submitted assessments (filters, search, newest first), accepts
 * them or returns them with a comment — one at a time or several at once.
 */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const client = useApi();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => reviewFiltersFromSearch(search), [search]);
  const queue = useReviewQueue(filters);
  const [selected, setSelected] = useState<string[]>([]);
  const [pending, setPending] = useState<Pending>();

  const refresh = () => {
    setSelected([]);
    void queryClient.invalidateQueries({ queryKey: registryKeys.reviews() });
    void queryClient.invalidateQueries({ queryKey: registryKeys.riskSources() });
    void queryClient.invalidateQueries({ queryKey: ["registry", "risk-source"] });
  };
  const review = useMutation({
    mutationFn: async ({
      assessments,
      input,
    }: {
      assessments: ReviewQueueItem[];
      input: AssessmentReviewInput;
    }) => {
      const [only] = assessments;
      if (assessments.length === 1 && only) {
        await reviewAssessment(client, only, input);
        return { done: 1, failed: 0 };
      }
      const { items } = await reviewMany(client, assessments, input);
      const done = items.filter((r) => r.status === 200).length;
      return { done, failed: items.length - done };
    },
    onSuccess: ({ done, failed }, { input }) => {
      refresh();
      const key =
        input.decision === "accept" ? "registry.review.accepted" : "registry.review.returned";
      if (failed === 0)
        void message.success(done > 1 ? t("portal.queue.batchDone", { count: done }) : t(key));
      else void message.warning(t("portal.queue.batchPartly", { done, failed }));
      setPending(undefined);
    },
    onError: (error) => {
      if (error instanceof ApiError && (error.status === 409 || error.status === 412)) {
        void message.warning(t("registry.review.conflict"));
        setPending(undefined);
        refresh();
      } else {
        void message.error(errorText(error, t));
      }
    },
  });
  const picked = queue.items.filter((a) => selected.includes(a.id));
  const total = queue.firstPage?.total;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t("registry.review.title")}
      </Typography.Title>
      <Typography.Text type="secondary">{t("registry.review.hint")}</Typography.Text>
      <ReviewFiltersBar
        value={filters}
        onChange={(next) => {
          setSelected([]);
          setSearch(searchFromReviewFilters(next));
        }}
      />
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text data-testid="review-total">
          {total === undefined
            ? ""
            : t("portal.queue.total", { count: total, shown: queue.items.length })}
        </Typography.Text>
        <Space>
          <Button
            type="primary"
            disabled={picked.length === 0}
            onClick={() => setPending({ assessments: picked, decision: "accept" })}
            data-testid="review-batch-accept"
          >
            {t("portal.queue.acceptSelected", { count: picked.length })}
          </Button>
          <Button
            danger
            disabled={picked.length === 0}
            onClick={() => setPending({ assessments: picked, decision: "return" })}
          >
            {t("portal.queue.returnSelected", { count: picked.length })}
          </Button>
        </Space>
      </Flex>
      {queue.error && <LoadError error={queue.error} onRetry={() => void queue.refetch()} />}
      {!(queue.error && queue.items.length === 0) && (
        <ReviewTable
          items={queue.items}
          loading={queue.isFetching}
          onDecide={(assessment, decision) => setPending({ assessments: [assessment], decision })}
          selected={selected}
          onSelect={setSelected}
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
        sourceName={
          pending?.assessments.length === 1
            ? (pending.assessments[0]?.riskSourceName ?? "")
            : t("portal.queue.selectedCount", { count: pending?.assessments.length ?? 0 })
        }
        busy={review.isPending}
        onCancel={() => setPending(undefined)}
        onConfirm={(input) => pending && review.mutate({ assessments: pending.assessments, input })}
      />
    </Flex>
  );
}
