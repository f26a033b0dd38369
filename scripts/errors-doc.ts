/**
 * Renders docs/errors.md from the error catalogue. `npm run docs:errors` writes it; a test
 * renders it again and checks the committed file agrees.
 */
import { ERRORS } from '../src/core/errors/catalogue.js';

export function renderErrorsDoc(): string {
  const rows = Object.entries(ERRORS).map(([id, e]) => {
    const ns = 'jsonNamespace' in e && e.jsonNamespace ? e.jsonNamespace : '(service)';
    return `| ${id} | ${e.status} | \`${e.queryCode}\` | \`${ns}#${e.jsonCode}\` | ${e.fault} | ${e.description} |`;
  });
  return [
    '# Errors',
    '',
    'Generated from `src/core/errors/catalogue.ts` by `npm run docs:errors`; a test fails when this',
    'file and the catalogue disagree. Each protocol renders the same entry in its own shape:',
    '',
    '- query/XML: `<ErrorResponse><Error><Type>{fault}</Type><Code>{query code}</Code><Message>…`',
    '- AWS JSON: body `{"__type": "{namespace}#{JSON code}", "message": …}`; awsQueryCompatible',
    '  services (SQS) also send `x-amzn-query-error: {query code};{fault}` — botocore (AWS CLI,',
    '  boto3) reports that code, the JS SDK the JSON code. `(service)` is the service namespace,',
    '  e.g. `com.amazonaws.sqs`.',
    '',
    '| id | HTTP | query code | JSON `__type` | fault | when |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}
