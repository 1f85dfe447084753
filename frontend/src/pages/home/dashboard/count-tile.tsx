import { Card, Statistic } from "antd";
import { Link } from "react-router";

interface Props {
  title: string;
  /** Undefined while loading; `more` says the first page was full ("200+"). */
  value: { count: number; more?: boolean } | undefined;
  /** The filtered list the number stands for. */
  to: string;
  testId: string;
  danger?: boolean;
}

/** One dashboard number, a link to the list it counts. */
export function CountTile({ title, value, to, testId, danger }: Props) {
  return (
    <Link to={to} data-testid={testId}>
      <Card size="small" hoverable aria-busy={value === undefined}>
        {/* A dash while loading, not the skeleton: the tile keeps its height when the number
            arrives, so nothing below it moves under the pointer. */}
        <Statistic
          title={title}
          value={value?.count ?? "–"}
          suffix={value?.more ? "+" : undefined}
          {...(danger && (value?.count ?? 0) > 0 ? { valueStyle: { color: "#cf1322" } } : {})}
        />
      </Card>
    </Link>
  );
}
