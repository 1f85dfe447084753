import { Alert, Button } from "antd";
import { useTranslation } from "react-i18next";
import { errorParts } from "../api/error-text.ts";
import { useLanguage } from "../i18n/use-language.ts";

interface Props {
  error: unknown;
  onRetry: () => void;
}

/**
 * What a list or page shows when its data could not be read, in place of an empty table: the
 * problem's title, its field messages, and a retry.
 */
export function LoadError({ error, onRetry }: Props) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { title, details } = errorParts(error, t, language);
  return (
    <Alert
      type="error"
      showIcon
      data-testid="load-error"
      title={`${t("errors.loadFailed")}: ${title}`}
      description={
        details.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : undefined
      }
      action={
        <Button size="small" onClick={onRetry} data-testid="load-error-retry">
          {t("errors.retry")}
        </Button>
      }
    />
  );
}
