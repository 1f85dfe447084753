/**
 * Where raw readings go: in batches to the bucket (Kinesis Data Firehose on AWS, a sink writing
 * batch files locally), never an item per reading in the table. At least once: a batch is
 * archived before the state it moved is written, so a retried request may archive a reading
 * twice; consumers of the archive de-duplicate by (indicatorId, at).
 */
export interface ArchivedReading {
  tenantId: string;
  riskSourceId: string;
  indicatorId: string;
  at: string;
  value: number;
  receivedAt: string;
}

export interface ReadingArchive {
  put(readings: readonly ArchivedReading[]): Promise<void>;
}

/** One line per reading (newline-delimited JSON), as Firehose and the local sink write them. */
export function readingLine(r: ArchivedReading): string {
  return `${JSON.stringify(r)}\n`;
}
