import type { IdentificationItem } from "../../../../shared/catalogs/identification-lists/list-schema.ts";
import type { Enterprise } from "../../../../shared/risk/enterprise.ts";
import type { RiskControls, RiskSource } from "../../../../shared/risk/risk-source.ts";

type ControlKind = keyof RiskControls;

/** What the antd form holds: controls as one text per line, the location as two numbers. */
export interface RiskSourceFormValues {
  name?: string;
  place?: string;
  description?: string;
  industry?: string;
  accidentTypes?: string[];
  hazardFactors?: string[];
  lon?: number | null;
  lat?: number | null;
  controls?: Partial<Record<ControlKind, string>>;
  responsiblePost?: string;
  responsiblePerson?: { name?: string; phone?: string; email?: string };
  supervision?: { district?: string; street?: string; industryDepartment?: string };
  identificationItemId?: string;
}

const CONTROL_KINDS: readonly ControlKind[] = ["engineering", "management", "emergency"];

const lines = (text: string | undefined): string[] =>
  (text ?? "")
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);

const joinLines = (items: readonly string[]): string => items.join("\n");

const blankToUndefined = (text: string | undefined): string | undefined =>
  text?.trim() ? text : undefined;

/**
 * The request body the form describes, unvalidated: the zod schema of the route decides, so
 * the browser and the API give the same field messages.
 */
export function toRiskSourceInput(values: RiskSourceFormValues): Record<string, unknown> {
  const person = values.responsiblePerson ?? {};
  const email = blankToUndefined(person.email);
  return {
    name: values.name ?? "",
    place: values.place ?? "",
    description: values.description ?? "",
    industry: values.industry,
    accidentTypes: values.accidentTypes ?? [],
    hazardFactors: values.hazardFactors ?? [],
    location: { lon: values.lon ?? undefined, lat: values.lat ?? undefined },
    controls: Object.fromEntries(CONTROL_KINDS.map((k) => [k, lines(values.controls?.[k])])),
    responsiblePost: values.responsiblePost ?? "",
    responsiblePerson: {
      name: person.name ?? "",
      phone: person.phone ?? "",
      ...(email ? { email } : {}),
    },
    supervision: {
      district: values.supervision?.district,
      street: values.supervision?.street ?? "",
      industryDepartment: values.supervision?.industryDepartment ?? "",
    },
    ...(values.identificationItemId ? { identificationItemId: values.identificationItemId } : {}),
  };
}

/** A blank registration with what the enterprise profile already says. */
export function blankValues(enterprise: Enterprise | undefined): RiskSourceFormValues {
  if (!enterprise) return { controls: {} };
  return {
    industry: enterprise.industry,
    lon: enterprise.location.lon,
    lat: enterprise.location.lat,
    controls: {},
    responsiblePerson: {
      name: enterprise.safetyContact.name,
      phone: enterprise.safetyContact.phone,
      email: enterprise.safetyContact.email ?? "",
    },
    supervision: { district: enterprise.district, street: enterprise.street },
  };
}

/** Pre-fills place, name, accident types, hazard factors and controls from a list item. */
export function valuesFromItem(
  item: IdentificationItem,
  enterprise: Enterprise | undefined,
): RiskSourceFormValues {
  return {
    ...blankValues(enterprise),
    name: item.riskSource,
    place: item.place,
    description: item.consequences.text,
    accidentTypes: [...item.accidentTypes],
    hazardFactors: [...item.hazardFactors],
    controls: Object.fromEntries(CONTROL_KINDS.map((k) => [k, joinLines(item.controls[k])])),
    identificationItemId: item.id,
  };
}

/** The form showing a stored source, for editing. */
export function valuesFromSource(source: RiskSource): RiskSourceFormValues {
  return {
    name: source.name,
    place: source.place,
    description: source.description,
    industry: source.industry,
    accidentTypes: [...source.accidentTypes],
    hazardFactors: [...source.hazardFactors],
    lon: source.location.lon,
    lat: source.location.lat,
    controls: Object.fromEntries(CONTROL_KINDS.map((k) => [k, joinLines(source.controls[k])])),
    responsiblePost: source.responsiblePost,
    responsiblePerson: { ...source.responsiblePerson, email: source.responsiblePerson.email ?? "" },
    supervision: { ...source.supervision },
    ...(source.identificationItemId ? { identificationItemId: source.identificationItemId } : {}),
  };
}
