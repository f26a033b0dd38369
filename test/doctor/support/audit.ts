/**
 * Runs the doctor programmatically against a test endpoint, with explicit credentials and the
 * default thresholds unless a test overrides them.
 */
import {
  DEFAULT_THRESHOLDS,
  runDoctor,
  type DoctorOptions,
} from '../../../src/cli/doctor/run-doctor.js';
import type { Report } from '../../../src/cli/doctor/report.js';

export function audit(
  endpoint: string,
  overrides: Partial<DoctorOptions> & { accessKeyId?: string } = {},
): Promise<Report> {
  const { accessKeyId, ...rest } = overrides;
  return runDoctor({
    endpoint,
    aws: false,
    region: 'us-east-1',
    credentials: { accessKeyId: accessKeyId ?? 'test', secretAccessKey: 'test' },
    only: [],
    skip: [],
    thresholds: { ...DEFAULT_THRESHOLDS },
    concurrency: 16,
    ...rest,
  });
}

/** Names of the resources a check flagged, sorted. */
export function flagged(report: Report, checkId: string): string[] {
  return report.findings
    .filter((f) => f.checkId === checkId)
    .map((f) => f.resource.name)
    .sort();
}
