import { Button, Flex } from "antd";
import { useTranslation } from "react-i18next";

interface CursorListState {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** "Load more" under a cursor listing (`useCursorList`), shown while a next page exists. */
export function LoadMore({ list, testId }: { list: CursorListState; testId?: string }) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <Flex justify="center" style={{ marginTop: 12 }}>
      <Button
        onClick={() => void list.fetchNextPage()}
        loading={list.isFetchingNextPage}
        data-testid={testId}
      >
        {t("registry.common.loadMore")}
      </Button>
    </Flex>
  );
}
