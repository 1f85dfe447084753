import { Button, Checkbox, Flex, Input, Select } from "antd";
import { useTranslation } from "react-i18next";
import { LEVELS } from "../../../../shared/methodology/levels.ts";
import type { ReviewFilters } from "../../api/registry/reviews.ts";
import { useLanguage } from "../../i18n/use-language.ts";
import {
  type CatalogOption,
  DISTRICT_OPTIONS,
  INDUSTRY_OPTIONS,
} from "../../registry/catalog-labels.ts";

interface Props {
  value: ReviewFilters;
  onChange: (next: ReviewFilters) => void;
}

/** Level, district, industry, overdue, name search and order; every change goes to the URL. */
export function ReviewFiltersBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const { pick } = useLanguage();
  const catalog = (options: readonly CatalogOption[]) =>
    options.map((o) => ({ value: o.id, label: pick(o.name) }));
  const set =
    <K extends keyof ReviewFilters>(key: K) =>
    (next: ReviewFilters[K] | undefined) => {
      const { [key]: _old, ...rest } = value;
      onChange(next ? { ...rest, [key]: next } : rest);
    };
  const common = { allowClear: true, style: { minWidth: 150 } } as const;
  return (
    <Flex wrap gap={8} align="center" data-testid="review-filters">
      <Input.Search
        allowClear
        style={{ width: 240 }}
        placeholder={t("portal.queue.search")}
        defaultValue={value.q}
        key={value.q ?? ""}
        onSearch={(text) => set("q")(text.trim() || undefined)}
        data-testid="review-search"
      />
      <Select
        {...common}
        placeholder={t("registry.list.filterLevel")}
        aria-label={t("registry.list.filterLevel")}
        value={value.level}
        onChange={set("level")}
        options={LEVELS.map((level) => ({ value: level, label: t(`levels.names.${level}`) }))}
        data-testid="review-filter-level"
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
        style={{ minWidth: 190 }}
        placeholder={t("registry.list.filterIndustry")}
        aria-label={t("registry.list.filterIndustry")}
        value={value.industry}
        onChange={set("industry")}
        options={catalog(INDUSTRY_OPTIONS)}
        showSearch={{ optionFilterProp: "label" }}
      />
      <Checkbox
        checked={value.overdue === "true"}
        onChange={(e) => set("overdue")(e.target.checked ? "true" : undefined)}
        data-testid="review-filter-overdue"
      >
        {t("portal.queue.overdue")}
      </Checkbox>
      <Select
        style={{ minWidth: 130 }}
        aria-label={t("portal.queue.sortLabel")}
        value={value.order ?? "newest"}
        onChange={(order) => set("order")(order === "oldest" ? "oldest" : undefined)}
        options={[
          { value: "newest", label: t("portal.queue.newest") },
          { value: "oldest", label: t("portal.queue.oldest") },
        ]}
        data-testid="review-order"
      />
      {Object.keys(value).length > 0 && (
        <Button type="link" onClick={() => onChange({})}>
          {t("registry.list.clearFilters")}
        </Button>
      )}
    </Flex>
  );
}
