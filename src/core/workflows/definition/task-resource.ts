/**
 * Task `Resource` ARNs. Three shapes are accepted (AWS developer guide, "Task state" and
 * "Integrating services"):
 *   activity  arn:<partition>:states:<region>:<account>:activity:<name>
 *   lambda    arn:<partition>:lambda:<region>:<account>:function:<name>[:<version or alias>]
 *   service   arn:<partition>:states:::<service>:<action>[.sync | .sync:2 | .waitForTaskToken]
 *             e.g. sqs:sendMessage, lambda:invoke, http:invoke, states:startExecution.sync:2,
 *             aws-sdk:s3:getObject
 * Anything else is INVALID_RESOURCE. Whether a given service/action/pattern combination is
 * supported at run time is the engine's decision, not the parser's.
 */
import type { IntegrationPattern, TaskResource } from './types.js';

const PARTITION = '(aws(?:-[a-z]+)*)';
const REGION = '([a-z]{2}(?:-[a-z]+)+-\\d+)';
const ACCOUNT = '(\\d{12})';

/** Activity names follow AWS's name rules: no whitespace, brackets, wildcards or specials. */
const NAME_CHAR = '[^\\s<>{}\\[\\]?*"#%\\\\^|~`$&,;:/\\u0000-\\u001f\\u007f-\\u009f]';
const ACTIVITY = new RegExp(
  `^arn:${PARTITION}:states:${REGION}:${ACCOUNT}:activity:(${NAME_CHAR}{1,80})$`,
);
const LAMBDA = new RegExp(
  `^arn:${PARTITION}:lambda:${REGION}:${ACCOUNT}:function:([A-Za-z0-9_-]{1,64})(?::(\\$LATEST|[A-Za-z0-9_-]{1,128}))?$`,
);
const SERVICE = new RegExp(
  `^arn:${PARTITION}:states:::((?:aws-sdk:)?[a-z0-9][a-z0-9-]*):([A-Za-z][A-Za-z0-9]*)(?:\\.(sync:2|sync|waitForTaskToken))?$`,
);

export function parseTaskResource(arn: string): TaskResource | undefined {
  const activity = ACTIVITY.exec(arn);
  if (activity) {
    const [, partition = '', region = '', account = '', name = ''] = activity;
    return { kind: 'activity', arn, partition, region, account, name };
  }
  const lambda = LAMBDA.exec(arn);
  if (lambda) {
    const [, partition = '', region = '', account = '', functionName = '', qualifier] = lambda;
    return qualifier === undefined
      ? { kind: 'lambda', arn, partition, region, account, functionName }
      : { kind: 'lambda', arn, partition, region, account, functionName, qualifier };
  }
  const service = SERVICE.exec(arn);
  if (service) {
    const [, partition = '', name = '', action = '', suffix] = service;
    const pattern: IntegrationPattern =
      suffix === undefined ? 'requestResponse' : (suffix as IntegrationPattern);
    return { kind: 'service', arn, partition, service: name, action, pattern };
  }
  return undefined;
}
