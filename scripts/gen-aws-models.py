#!/usr/bin/env python3
"""Generate Switchyard's compact AWS service models from botocore's bundled models.

Reads `<botocore>/data/<folder>/<apiVersion>/service-2.json.gz` for each requested service and
writes `src/protocols/aws/model/<service>.json`: metadata, operations and shapes with only the
facts the codecs need (wire names, types, constraints, error traits). Documentation strings and
SDK-only traits (box, sensitive, deprecated, ...) are dropped; the JSON is written without
indentation to keep commits small.

Usage:
    python3 scripts/gen-aws-models.py            # the services in DEFAULT_SERVICES
    python3 scripts/gen-aws-models.py sns iam    # named services
    python3 scripts/gen-aws-models.py --all      # every service in SERVICES
    BOTOCORE_DATA=/path/to/botocore/data python3 scripts/gen-aws-models.py

To add a service: add an entry to SERVICES (botocore folder, apiVersion and, if its botocore
model lacks the query/XML wire names the service still accepts, a QUERY_OVERLAYS entry).
Stdlib only.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import sys

# service id -> (botocore data folder, apiVersion)
SERVICES: dict[str, tuple[str, str]] = {
    'sqs': ('sqs', '2012-11-05'),
    'sns': ('sns', '2010-03-31'),
    'events': ('events', '2015-10-07'),
    'stepfunctions': ('stepfunctions', '2016-11-23'),
    'kms': ('kms', '2014-11-01'),
    'cloudwatch': ('cloudwatch', '2010-08-01'),
    'iam': ('iam', '2010-05-08'),
    'sts': ('sts', '2011-06-15'),
}
DEFAULT_SERVICES = ['sqs']

# Keys kept from each part of a botocore model; everything else (documentation, box,
# sensitive, deprecated, synthetic, ...) is dropped.
METADATA_KEYS = [
    'apiVersion', 'protocol', 'protocols', 'jsonVersion', 'targetPrefix', 'xmlNamespace',
    'endpointPrefix', 'signingName', 'serviceId', 'globalEndpoint',
]
SHAPE_KEYS = [
    'type', 'required', 'members', 'member', 'key', 'value', 'flattened', 'locationName',
    'xmlNamespace', 'min', 'max', 'pattern', 'enum', 'timestampFormat', 'exception', 'fault',
    'error', 'union', 'document', 'xmlOrder',
]
REF_KEYS = [
    'shape', 'location', 'locationName', 'queryName', 'flattened', 'xmlAttribute',
    'xmlNamespace', 'timestampFormat', 'idempotencyToken', 'jsonvalue', 'hostLabel',
]
ERROR_TRAIT_KEYS = ['code', 'httpStatusCode', 'senderFault']

# SQS's botocore model is AWS JSON 1.0 only, but SQS still serves the query protocol (older
# SDKs). The query/XML wire names it uses are the Smithy `xmlName` traits, which the JSON
# model omits; they are listed here (cross-checked against @aws-sdk/client-sqs's schemas by
# test/codecs/sqs-model.test.ts). All the lists and maps concerned are already `flattened`.
QUERY_OVERLAYS: dict[str, dict] = {
    'sqs': {
        'metadata': {
            'protocols': ['json', 'query'],
            'xmlNamespace': 'http://queue.amazonaws.com/doc/2012-11-05/',
        },
        'resultWrappers': True,
        'locationNames': {
            'AddPermissionRequest.AWSAccountIds': 'AWSAccountId',
            'AddPermissionRequest.Actions': 'ActionName',
            'ChangeMessageVisibilityBatchRequest.Entries': 'ChangeMessageVisibilityBatchRequestEntry',
            'ChangeMessageVisibilityBatchResult.Successful': 'ChangeMessageVisibilityBatchResultEntry',
            'ChangeMessageVisibilityBatchResult.Failed': 'BatchResultErrorEntry',
            'CreateQueueRequest.Attributes': 'Attribute',
            'CreateQueueRequest.tags': 'Tag',
            'DeleteMessageBatchRequest.Entries': 'DeleteMessageBatchRequestEntry',
            'DeleteMessageBatchResult.Successful': 'DeleteMessageBatchResultEntry',
            'DeleteMessageBatchResult.Failed': 'BatchResultErrorEntry',
            'GetQueueAttributesRequest.AttributeNames': 'AttributeName',
            'GetQueueAttributesResult.Attributes': 'Attribute',
            'ListDeadLetterSourceQueuesResult.queueUrls': 'QueueUrl',
            'ListMessageMoveTasksResult.Results': 'ListMessageMoveTasksResultEntry',
            'ListQueuesResult.QueueUrls': 'QueueUrl',
            'ListQueueTagsResult.Tags': 'Tag',
            'Message.Attributes': 'Attribute',
            'Message.MessageAttributes': 'MessageAttribute',
            'MessageAttributeValue.StringListValues': 'StringListValue',
            'MessageAttributeValue.BinaryListValues': 'BinaryListValue',
            'MessageSystemAttributeValue.StringListValues': 'StringListValue',
            'MessageSystemAttributeValue.BinaryListValues': 'BinaryListValue',
            'ReceiveMessageRequest.AttributeNames': 'AttributeName',
            'ReceiveMessageRequest.MessageSystemAttributeNames': 'AttributeName',
            'ReceiveMessageRequest.MessageAttributeNames': 'MessageAttributeName',
            'ReceiveMessageResult.Messages': 'Message',
            'SendMessageBatchRequest.Entries': 'SendMessageBatchRequestEntry',
            'SendMessageBatchRequestEntry.MessageAttributes': 'MessageAttribute',
            'SendMessageBatchRequestEntry.MessageSystemAttributes': 'MessageSystemAttribute',
            'SendMessageBatchResult.Successful': 'SendMessageBatchResultEntry',
            'SendMessageBatchResult.Failed': 'BatchResultErrorEntry',
            'SendMessageRequest.MessageAttributes': 'MessageAttribute',
            'SendMessageRequest.MessageSystemAttributes': 'MessageSystemAttribute',
            'SetQueueAttributesRequest.Attributes': 'Attribute',
            'TagQueueRequest.Tags': 'Tag',
            'UntagQueueRequest.TagKeys': 'TagKey',
            # list members and map keys/values
            'StringList.member': 'StringListValue',
            'BinaryList.member': 'BinaryListValue',
            'MessageBodyAttributeMap.key': 'Name',
            'MessageBodyAttributeMap.value': 'Value',
            'MessageBodySystemAttributeMap.key': 'Name',
            'MessageBodySystemAttributeMap.value': 'Value',
            'MessageSystemAttributeMap.key': 'Name',
            'MessageSystemAttributeMap.value': 'Value',
            'QueueAttributeMap.key': 'Name',
            'QueueAttributeMap.value': 'Value',
            'TagMap.key': 'Key',
            'TagMap.value': 'Value',
        },
    },
}


def botocore_data_dir() -> str:
    env = os.environ.get('BOTOCORE_DATA')
    if env:
        return env
    spec = importlib.util.find_spec('botocore')
    if spec is None or spec.origin is None:
        sys.exit('botocore is not installed; set BOTOCORE_DATA to its data folder')
    return os.path.join(os.path.dirname(spec.origin), 'data')


def pick(source: dict, keys: list[str]) -> dict:
    return {k: source[k] for k in keys if k in source}


def compact_ref(ref: dict) -> dict:
    return pick(ref, REF_KEYS)


def compact_shape(shape: dict) -> dict:
    out = pick(shape, SHAPE_KEYS)
    if 'members' in out:
        out['members'] = {name: compact_ref(ref) for name, ref in shape['members'].items()}
    for ref_key in ('member', 'key', 'value'):
        if ref_key in out:
            out[ref_key] = compact_ref(shape[ref_key])
    if 'error' in out:
        out['error'] = pick(shape['error'], ERROR_TRAIT_KEYS)
    return out


def compact_operation(op: dict) -> dict:
    out: dict = {'http': pick(op.get('http', {}), ['method', 'requestUri', 'responseCode'])}
    if 'input' in op:
        out['input'] = op['input']['shape']
    if 'output' in op:
        out['output'] = op['output']['shape']
        if 'resultWrapper' in op['output']:
            out['resultWrapper'] = op['output']['resultWrapper']
    if op.get('errors'):
        out['errors'] = [e['shape'] for e in op['errors']]
    if 'requestcompression' in op:
        out['requestCompression'] = op['requestcompression']
    return out


def compact_metadata(meta: dict) -> dict:
    out = pick(meta, METADATA_KEYS)
    out['signingName'] = meta.get('signingName', meta.get('endpointPrefix'))
    if 'awsQueryCompatible' in meta:
        out['awsQueryCompatible'] = True
    if 'protocols' not in out:
        out['protocols'] = [meta['protocol']]
    return out


def apply_overlay(model: dict, overlay: dict) -> None:
    model['metadata'].update(overlay.get('metadata', {}))
    if overlay.get('resultWrappers'):
        for name, op in model['operations'].items():
            if 'output' in op and 'resultWrapper' not in op:
                op['resultWrapper'] = name + 'Result'
    for target, location_name in overlay.get('locationNames', {}).items():
        shape_name, part = target.split('.', 1)
        shape = model['shapes'].get(shape_name)
        if shape is None:
            sys.exit(f'overlay names unknown shape {shape_name}')
        ref = shape[part] if part in ('member', 'key', 'value') else shape.get('members', {}).get(part)
        if ref is None:
            sys.exit(f'overlay names unknown member {target}')
        ref['locationName'] = location_name


def build(service: str, data_dir: str) -> dict:
    folder, version = SERVICES[service]
    path = os.path.join(data_dir, folder, version, 'service-2.json.gz')
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        source = json.load(f)
    if 'json' in source['metadata'].get('protocols', [source['metadata']['protocol']]):
        # The JSON codecs use member names as keys; a JSON model renaming members would need them
        # taught first (locationName here is reserved for query/XML wire names).
        for shape_name, shape in source['shapes'].items():
            for member_name, ref in shape.get('members', {}).items():
                if 'locationName' in ref and 'location' not in ref:
                    sys.exit(f'{service}: JSON member {shape_name}.{member_name} has a locationName')
    model = {
        'service': service,
        'metadata': compact_metadata(source['metadata']),
        'operations': {n: compact_operation(op) for n, op in sorted(source['operations'].items())},
        'shapes': {n: compact_shape(s) for n, s in sorted(source['shapes'].items())},
    }
    if service in QUERY_OVERLAYS:
        apply_overlay(model, QUERY_OVERLAYS[service])
    return model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('services', nargs='*', help=f'default: {" ".join(DEFAULT_SERVICES)}')
    parser.add_argument('--all', action='store_true', help='every known service')
    parser.add_argument('--out', default=None, help='output folder')
    args = parser.parse_args()
    services = list(SERVICES) if args.all else (args.services or DEFAULT_SERVICES)
    unknown = [s for s in services if s not in SERVICES]
    if unknown:
        sys.exit(f'unknown service(s): {", ".join(unknown)}; known: {", ".join(SERVICES)}')
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out_dir = args.out or os.path.join(root, 'src', 'protocols', 'aws', 'model')
    os.makedirs(out_dir, exist_ok=True)
    data_dir = botocore_data_dir()
    for service in services:
        model = build(service, data_dir)
        text = json.dumps(model, separators=(',', ':'), ensure_ascii=False) + '\n'
        target = os.path.join(out_dir, f'{service}.json')
        with open(target, 'w', encoding='utf-8') as f:
            f.write(text)
        print(f'{target}: {len(model["operations"])} operations, {len(text)} bytes')


if __name__ == '__main__':
    main()
