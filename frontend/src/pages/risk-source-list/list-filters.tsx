import { Button, Flex, Select } from "antd";
import { useTranslation } from "react-i18next";
import { LEVELS } from "../../../../shared/methodology/levels.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import {
  type CatalogOption,
  DISTRICT_OPTIONS,
  INDUSTRY_OPTIONS,
} from "../../registry/catalog-labels.ts";
import { type ListFilters, REVIEW_DUE_OPTIONS } from "./filter-params.ts";

interface Props {
  value: ListFilters;
  onChange: (next: ListFilters) => void;
}

/** Level, industry, district and review-due filters; every change goes to the URL. */
export function ListFiltersBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const catalog = (options: readonly CatalogOption[]) =>
    options.map((o) => ({ value: o.id, label: pick(o.name) }));
  const set = (key: keyof ListFilters) => (next: string | undefined) =>
    onChange({ ...value, [key]: next || undefined });
  const common = { allowClear: true, style: { minWidth: 160 } } as const;
  return (
    <Flex wrap gap={8} align="center" data-testid="risk-source-filters">
      <Select
        {...common}
        data-testid="filter-level"
        placeholder={t("registry.list.filterLevel")}
        aria-label={t("registry.list.filterLevel")}
        value={value.level}
        onChange={set("level")}
        options={[
          ...LEVELS.map((level) => ({ value: level, label: t(`levels.names.${level}`) })),
          { value: "none", label: t("registry.common.notGraded") },
        ]}
      />
      <Select
        {...common}
        style={{ minWidth: 200 }}
        placeholder={t("registry.list.filterIndustry")}
        aria-label={t("registry.list.filterIndustry")}
        value={value.industry}
        onChange={set("industry")}
        options={catalog(INDUSTRY_OPTIONS)}
        showSearch={{ optionFilterProp: "label" }}
      />
      <Select
        {...common}
        placeholder={t("registry.list.filterDistrict")}
        aria-label={t("registry.list.filterDistrict")}
        value={value.district}
        onChange={set("district")}
        options={catalog(DISTRICT_OPTIONS)}
        showSearch={{ optionFilterProp: "label" }}
      />
      <Select
        {...common}
        placeholder={t("registry.list.filterReviewDue")}
        aria-label={t("registry.list.filterReviewDue")}
        value={value.due}
        onChange={set("due")}
        options={REVIEW_DUE_OPTIONS.map((due) => ({
          value: due,
          label: t(`registry.list.due.${due}`),
        }))}
      />
      {Object.keys(value).length > 0 && (
        <Button type="link" onClick={() => onChange({})}>
          {t("registry.list.clearFilters")}
        </Button>
      )}
    </Flex>
  );
}
