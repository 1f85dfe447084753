import { Alert, Button, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";

interface Props {
  /** The secret to show; the dialog is open while set. */
  secret: string | undefined;
  onClose: () => void;
}

/**
 * The one time a signing secret is shown (on creation and rotation), with how receivers verify
 * it. Closed only by its button, so it is not lost by a stray click.
 */
export function SecretDialog({ secret, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={secret !== undefined}
      title={t("webhooks.secretTitle")}
      width={640}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="webhook-secret-close">
          {t("webhooks.secretSaved")}
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        style={{ marginBottom: 16 }}
        title={t("webhooks.secretWarning")}
      />
      <Typography.Paragraph>
        <Typography.Text code copyable data-testid="webhook-secret">
          {secret}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t("webhooks.verifyHint")}</Typography.Paragraph>
    </Modal>
  );
}
