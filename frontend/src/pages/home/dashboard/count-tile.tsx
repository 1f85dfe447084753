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
      <Card size="small" hoverable>
        <Statistic
          title={title}
          loading={value === undefined}
          value={value?.count ?? 0}
          suffix={value?.more ? "+" : undefined}
          {...(danger && (value?.count ?? 0) > 0 ? { valueStyle: { color: "#cf1322" } } : {})}
        />
      </Card>
    </Link>
  );
}
