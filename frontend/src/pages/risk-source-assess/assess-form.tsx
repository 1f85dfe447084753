import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Col, Flex, Form, Input, Row, Select } from "antd";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { getIdentificationItem } from "../../../../shared/catalogs/identification-lists/index.ts";
import type { MethodProfile } from "../../../../shared/methodology/profiles/profile-schema.ts";
import {
  type AssessmentCreateInput,
  AssessmentTriggerSchema,
} from "../../../../shared/risk/assessment.ts";
import { hasRecordedControls, type RiskSource } from "../../../../shared/risk/risk-source.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { ApiError } from "../../api/problem.ts";
import { registryKeys } from "../../api/query-keys/registry.ts";
import { createAssessment } from "../../api/registry/assessments.ts";
import { riskSourceLinks } from "../../registry/links.ts";
import { useIdempotencyKey } from "../../registry/use-idempotency-key.ts";
import { type AssessValues, assessmentInput, previewRequest } from "./assess-values.ts";
import { DirectRules } from "./direct-rules.tsx";
import { GradePanel } from "./grade-panel.tsx";
import { ProfileSection } from "./profile-section.tsx";
import { useGradePreview } from "./use-grade-preview.ts";

interface Props {
  source: RiskSource;
  profiles: readonly MethodProfile[];
}

/** The inputs on the left, the live grade beside them; submitting stores what the panel shows. */
export function AssessForm({ source, profiles }: Props) {
  const { t } = useTranslation();
  const client = useApi();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<AssessValues>();
  const queryClient = useQueryClient();
  const idempotency = useIdempotencyKey();
  const submitting = useMutation({
    mutationFn: (input: AssessmentCreateInput) =>
      createAssessment(client, source.id, input, idempotency.keyFor(input)),
    onSuccess: () => {
      idempotency.settle();
      // The source's level, history, the listings and the officials' queue all change.
      void queryClient.invalidateQueries({ queryKey: registryKeys.riskSource(source.id) });
      void queryClient.invalidateQueries({ queryKey: registryKeys.riskSources() });
      void queryClient.invalidateQueries({ queryKey: registryKeys.reviews() });
      void message.success(t("registry.assess.submitted"));
      navigate(riskSourceLinks.detail(source.id));
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status < 500) idempotency.settle();
      void message.error(errorText(error, t));
    },
  });
  const initialValues = useMemo<AssessValues>(
    () => ({
      profileId: profiles.find((p) => p.kind === "lec")?.id ?? profiles[0]?.id,
      withInherent: false,
      trigger: source.lastAssessment ? "periodic" : "initial",
    }),
    [profiles, source.lastAssessment],
  );
  const values =
    Form.useWatch((all: AssessValues) => all, { form, preserve: true }) ?? initialValues;
  const profile = profiles.find((p) => p.id === values.profileId);
  const controlsRecorded = hasRecordedControls(source.controls);
  const request = previewRequest(profile, values, controlsRecorded);
  const preview = useGradePreview(request);
  const suggestion =
    profile?.kind === "lec" && source.identificationItemId
      ? getIdentificationItem(source.identificationItemId)?.item.suggestedLec
      : undefined;

  const clearInputs = () => {
    for (const p of profiles) {
      for (const f of p.factors) {
        form.setFieldValue(["current", f.letter], undefined);
        form.setFieldValue(["inherent", f.letter], undefined);
      }
    }
  };

  const submit = async () => {
    const checked = await form.validateFields().then(
      () => true,
      () => false,
    );
    const ready = previewRequest(profile, form.getFieldsValue(true), controlsRecorded);
    if (!checked || !ready) {
      void message.error(t("registry.form.fixErrors"));
      return;
    }
    submitting.mutate(assessmentInput(ready, form.getFieldsValue(true)));
  };

  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initialValues}
      data-testid="assess-form"
      onValuesChange={(changed: AssessValues) => {
        if (changed.profileId) clearInputs();
      }}
    >
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <ProfileSection
              profiles={profiles}
              profile={profile}
              withInherent={values.withInherent === true}
              suggestion={suggestion}
              onUseSuggestion={() => form.setFieldsValue({ current: { ...suggestion } })}
            />
            {profile && <DirectRules rules={profile.directMajorRules} />}
            <Card size="small">
              <Form.Item name="trigger" label={t("registry.assess.trigger")}>
                <Select
                  options={AssessmentTriggerSchema.options.map((trigger) => ({
                    value: trigger,
                    label: t(`registry.triggers.${trigger}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="note" label={t("registry.assess.note")}>
                <Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} />
              </Form.Item>
            </Card>
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16} style={{ position: "sticky", top: 16 }}>
            <GradePanel preview={preview} profile={profile} ready={request !== undefined} />
            <Button
              type="primary"
              size="large"
              block
              loading={submitting.isPending}
              disabled={!preview.grade}
              onClick={() => void submit()}
              data-testid="submit-assessment"
            >
              {t("registry.assess.submit")}
            </Button>
          </Flex>
        </Col>
      </Row>
    </Form>
  );
}
