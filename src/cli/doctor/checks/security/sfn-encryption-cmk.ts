/**
 * sfn-encryption-cmk (only with `--require-cmk`): a state machine whose definition and
 * execution data are encrypted with the AWS-owned key.
 */
import type { Check } from '../../model.js';
import { stateMachineRef } from '../support/resources.js';

export const sfnEncryptionCmk: Check = {
  id: 'sfn-encryption-cmk',
  area: 'security',
  severity: 'medium',
  title: 'State machine without a customer-managed key (with --require-cmk)',
  why: 'Execution input, output and history hold business data; Step Functions encrypts them with an AWS-owned key unless a customer-managed key is configured, and only the latter can be audited and revoked.',
  needs: ['states'],
  run(inv, ctx) {
    if (!ctx.thresholds.requireCmk) return [];
    return inv.stateMachines
      .filter((s) => s.definition !== undefined && s.encryptionType !== 'CUSTOMER_MANAGED_KMS_KEY')
      .map((s) => ({
        resource: stateMachineRef(s),
        message: `encryption is ${s.encryptionType ?? 'AWS_OWNED_KEY'}; --require-cmk asks for a customer-managed key`,
        fix: ctx.fix.aws('stepfunctions', 'update-state-machine', [
          ['--state-machine-arn', s.arn],
          [
            '--encryption-configuration',
            'type=CUSTOMER_MANAGED_KMS_KEY,kmsKeyId=<your-cmk-arn>,kmsDataKeyReusePeriodSeconds=300',
          ],
        ]),
      }));
  },
};
