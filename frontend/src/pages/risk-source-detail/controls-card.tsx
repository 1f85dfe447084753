import { Card, Col, Empty, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { RiskControls } from "../../../../shared/risk/risk-source.ts";

const KINDS = ["engineering", "management", "emergency"] as const;

/** Controls split as on the risk notification card (domain.md §6). */
export function ControlsCard({ controls }: { controls: RiskControls }) {
  const { t } = useTranslation();
  return (
    <Card title={t("registry.fields.controls")} size="small" data-testid="controls">
      <Row gutter={16}>
        {KINDS.map((kind) => (
          <Col xs={24} md={8} key={kind}>
            <Typography.Text strong>{t(`registry.fields.${kind}`)}</Typography.Text>
            {controls[kind].length > 0 ? (
              <ul style={{ paddingLeft: 20, marginTop: 8 }}>
                {controls[kind].map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            ) : (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t("registry.detail.noControls")}
              />
            )}
          </Col>
        ))}
      </Row>
    </Card>
  );
}
