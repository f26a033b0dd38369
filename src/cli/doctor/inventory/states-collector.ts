/**
 * Step Functions: every state machine with its definition, type and encryption settings, and
 * how many aliases point at its published versions.
 */
import {
  DescribeStateMachineCommand,
  ListStateMachineAliasesCommand,
  ListStateMachinesCommand,
} from '@aws-sdk/client-sfn';
import type { Collector } from './collector.js';
import type { StateMachineInfo } from './inventory.js';
import { paginate } from './paginate.js';

export const collectStates: Collector = async (ctx) => {
  const { sfn } = ctx.clients;
  const listed = await paginate(async (nextToken) => {
    const r = await sfn.send(new ListStateMachinesCommand({ nextToken, maxResults: 1000 }));
    return { items: r.stateMachines, next: r.nextToken };
  });
  const stateMachines: StateMachineInfo[] = await Promise.all(
    listed.map(async (sm) => {
      const arn = sm.stateMachineArn ?? '';
      const [d, aliases] = await Promise.all([
        sfn
          .send(new DescribeStateMachineCommand({ stateMachineArn: arn }))
          .catch(ctx.miss('states', arn)),
        paginate(async (nextToken) => {
          const r = await sfn.send(
            new ListStateMachineAliasesCommand({ stateMachineArn: arn, nextToken }),
          );
          return { items: r.stateMachineAliases, next: r.nextToken };
        }).catch(ctx.miss('states', `${arn} (aliases)`)),
      ]);
      return {
        name: sm.name ?? arn,
        arn,
        type: d?.type ?? sm.type ?? 'STANDARD',
        definition: d?.definition,
        encryptionType: d?.encryptionConfiguration?.type,
        kmsKeyId: d?.encryptionConfiguration?.kmsKeyId,
        aliasCount: aliases?.length,
      };
    }),
  );
  return { stateMachines };
};
