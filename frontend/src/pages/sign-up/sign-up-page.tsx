import { App, Button, Card, Form, Result, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SignupInput } from "../../../../shared/tenancy/requests.ts";
import type { SignupCreated } from "../../../../shared/tenancy/views.ts";
import { useApi } from "../../api/api-context.tsx";
import { errorText } from "../../api/error-text.ts";
import { ApiError } from "../../api/problem.ts";
import { signUp } from "../../api/tenancy.ts";
import { paths } from "../../app/paths.ts";
import { showFieldErrors } from "../../tenancy/field-errors.ts";
import { PublicFrame } from "../../tenancy/public-frame.tsx";
import { SignUpForm, type SignupValues } from "./sign-up-form.tsx";

/** 企业注册 (public): an enterprise signs up; its district or industry department approves. */
export function SignUpPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApi();
  const [form] = Form.useForm<SignupValues>();
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState<{ created: SignupCreated; email: string }>();

  const submit = async (input: SignupInput) => {
    setSubmitting(true);
    try {
      setDone({ created: await signUp(client, input), email: input.admin.email });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        void message.error(t("tenancy.signUp.conflict"));
      } else if (!showFieldErrors(form, error)) {
        void message.error(errorText(error, t));
      }
    } finally {
      setSubmitting(false);
    }
  };

  const back = (
    <Link to={paths.signIn}>
      <Button>{t("tenancy.common.backToSignIn")}</Button>
    </Link>
  );
  return (
    <PublicFrame>
      {done ? (
        <Result
          status="success"
          data-testid="sign-up-done"
          title={t(
            done.created.status === "active"
              ? "tenancy.signUp.approved"
              : "tenancy.signUp.submitted",
          )}
          subTitle={t(
            done.created.status === "active"
              ? "tenancy.signUp.approvedHint"
              : "tenancy.signUp.submittedHint",
            { email: done.email },
          )}
          extra={back}
        />
      ) : (
        <Card
          title={t("tenancy.signUp.title")}
          extra={<Link to={paths.signIn}>{t("tenancy.common.backToSignIn")}</Link>}
        >
          <Typography.Paragraph type="secondary">{t("tenancy.signUp.hint")}</Typography.Paragraph>
          <SignUpForm
            form={form}
            submitting={submitting}
            onSubmit={(input) => void submit(input)}
          />
        </Card>
      )}
    </PublicFrame>
  );
}
