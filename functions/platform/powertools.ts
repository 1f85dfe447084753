import { Logger } from "@aws-lambda-powertools/logger";
import { Metrics } from "@aws-lambda-powertools/metrics";
import { Tracer } from "@aws-lambda-powertools/tracer";

/** Observability singletons, created once per process (Powertools examples/app pattern). */
export const logger = new Logger({ serviceName: "cityrisk" });
export const metrics = new Metrics({ namespace: "CityRisk", serviceName: "cityrisk" });
export const tracer = new Tracer({ serviceName: "cityrisk" });
