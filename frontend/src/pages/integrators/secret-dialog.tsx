import { Alert, Button, Descriptions, Modal, Typography } from "antd";
import { useTranslation } from "react-i18next";
import {
  type IntegratorCreated,
  oauthScope,
} from "../../../../shared/tenancy/integrator-client.ts";

/** The client-credentials exchange as a shell command an integrator's developer can paste. */
export function curlExample(created: IntegratorCreated): string {
  return [
    `curl -s -X POST '${created.tokenUrl}' \\`,
    `  -u '${created.clientId}:${created.clientSecret}' \\`,
    "  -d grant_type=client_credentials \\",
    `  -d 'scope=${created.scopes.map(oauthScope).join(" ")}'`,
  ].join("\n");
}

interface Props {
  /** The registration's answer; the dialog is open while set. */
  created: IntegratorCreated | undefined;
  onClose: () => void;
}

/**
 * The one time the client secret is shown: client id, secret and token URL with copy buttons,
 * and how to exchange them for a token. Closed only by its button, so it is not lost by a click.
 */
export function SecretDialog({ created, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      open={created !== undefined}
      title={t("tenancy.integrators.secretTitle")}
      width={720}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      destroyOnHidden
      footer={
        <Button type="primary" onClick={onClose} data-testid="secret-close">
          {t("tenancy.integrators.secretSaved")}
        </Button>
      }
    >
      {created && (
        <div data-testid="integrator-secret">
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={t("tenancy.integrators.secretWarning")}
          />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t("tenancy.integrators.clientId")}>
              <Typography.Text code copyable data-testid="secret-client-id">
                {created.clientId}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t("tenancy.integrators.clientSecret")}>
              <Typography.Text code copyable data-testid="secret-client-secret">
                {created.clientSecret}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t("tenancy.integrators.tokenUrl")}>
              <Typography.Text code copyable data-testid="secret-token-url">
                {created.tokenUrl}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph strong style={{ marginTop: 16, marginBottom: 8 }}>
            {t("tenancy.integrators.curlExample")}
          </Typography.Paragraph>
          <Typography.Paragraph copyable={{ text: curlExample(created) }}>
            <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
              {curlExample(created)}
            </pre>
          </Typography.Paragraph>
        </div>
      )}
    </Modal>
  );
}
