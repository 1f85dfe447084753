import { useMutation } from "@tanstack/react-query";
import { App, Button, Card, Form, Result, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SignupInput } from "../../../../shared/tenancy/requests.ts";
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
  const submit = useMutation({
    mutationFn: (input: SignupInput) => signUp(client, input),
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        void message.error(t("tenancy.signUp.conflict"));
      } else if (!showFieldErrors(form, error)) {
        void message.error(errorText(error, t));
      }
    },
  });
  const done = submit.data &&
    submit.variables && {
      created: submit.data,
      email: submit.variables.admin.email,
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
            submitting={submit.isPending}
            onSubmit={(input) => submit.mutate(input)}
          />
        </Card>
      )}
    </PublicFrame>
  );
}
