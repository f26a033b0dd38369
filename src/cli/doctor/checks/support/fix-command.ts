/**
 * Builds the AWS CLI commands findings print as their fix: the same endpoint and region the
 * doctor audited, every argument shell-quoted, so a command can be pasted as is. Values the
 * operator must choose (an alarm topic, a key) appear as `<placeholders>` — say so, never guess.
 */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_\-.,:/=@%+]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

export type CliArg = [flag: string, value: string] | string;

export class FixBuilder {
  constructor(
    readonly endpoint: string | undefined,
    readonly region: string,
  ) {}

  /** `aws [--endpoint-url URL] --region R <service> <command> --flag value …` */
  aws(service: string, command: string, args: CliArg[]): string {
    const parts = ['aws'];
    if (this.endpoint !== undefined) parts.push('--endpoint-url', shellQuote(this.endpoint));
    parts.push('--region', shellQuote(this.region), service, command);
    for (const a of args) {
      if (typeof a === 'string') parts.push(a);
      else parts.push(a[0], a[1].startsWith('<') ? a[1] : shellQuote(a[1]));
    }
    return parts.join(' ');
  }

  /** A CloudWatch alarm on one metric of one resource, notifying `<alarm-topic-arn>`. */
  alarm(opts: {
    name: string;
    namespace: string;
    metric: string;
    dimensions: Record<string, string>;
    statistic: 'Sum' | 'Maximum' | 'Average';
    threshold: number;
    periodSeconds?: number;
    evaluationPeriods?: number;
  }): string {
    const dims = Object.entries(opts.dimensions).map(([k, v]) =>
      shellQuote(`Name=${k},Value=${v}`),
    );
    return this.aws('cloudwatch', 'put-metric-alarm', [
      ['--alarm-name', opts.name],
      ['--namespace', opts.namespace],
      ['--metric-name', opts.metric],
      '--dimensions',
      ...dims,
      ['--statistic', opts.statistic],
      ['--period', String(opts.periodSeconds ?? 300)],
      ['--evaluation-periods', String(opts.evaluationPeriods ?? 1)],
      ['--threshold', String(opts.threshold)],
      ['--comparison-operator', 'GreaterThanThreshold'],
      ['--treat-missing-data', 'notBreaching'],
      ['--alarm-actions', '<alarm-topic-arn>'],
    ]);
  }
}
