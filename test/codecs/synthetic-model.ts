/**
 * A small synthetic query-protocol model for the codec tests: the non-flattened list/map forms
 * (`.member.N`, `.entry.N.key|value`, renamed members/keys/values as SNS, IAM and CloudWatch
 * use them), nested structures and every scalar type.
 */
import type { ServiceModel } from '../../src/protocols/aws/codecs/model.js';

export const synthetic: ServiceModel = {
  service: 'synthetic',
  metadata: {
    apiVersion: '2020-01-01',
    protocol: 'query',
    protocols: ['query'],
    signingName: 'synthetic',
    xmlNamespace: 'https://synthetic.example/doc/2020-01-01/',
  },
  operations: {
    Do: {
      http: { method: 'POST', requestUri: '/' },
      input: 'DoInput',
      output: 'DoOutput',
      resultWrapper: 'DoResult',
    },
  },
  shapes: {
    DoInput: {
      type: 'structure',
      required: ['Name'],
      members: {
        Name: { shape: 'String' },
        Names: { shape: 'StringList' },
        Items: { shape: 'ItemList' },
        Attrs: { shape: 'StringMap' },
        MessageAttributes: { shape: 'AttributeMap' },
        Config: { shape: 'Config' },
        When: { shape: 'Time' },
        Ratio: { shape: 'Double' },
        Big: { shape: 'Long' },
        Flag: { shape: 'Boolean' },
        Data: { shape: 'Blob' },
        Renamed: { shape: 'String', locationName: 'OtherName' },
        Nested: { shape: 'NestedList' },
        Tree: { shape: 'Tree' },
      },
    },
    DoOutput: {
      type: 'structure',
      members: {
        Names: { shape: 'StringList' },
        Items: { shape: 'ItemList' },
        Attrs: { shape: 'StringMap' },
        MessageAttributes: { shape: 'AttributeMap' },
        When: { shape: 'Time' },
        Stamp: { shape: 'EpochTime' },
        Flag: { shape: 'Boolean' },
        Data: { shape: 'Blob' },
        Ratio: { shape: 'Double' },
        Renamed: { shape: 'String', locationName: 'OtherName' },
      },
    },
    String: { type: 'string' },
    Double: { type: 'double' },
    Long: { type: 'long' },
    Boolean: { type: 'boolean' },
    Blob: { type: 'blob' },
    Time: { type: 'timestamp' },
    EpochTime: { type: 'timestamp', timestampFormat: 'unixTimestamp' },
    StringList: { type: 'list', member: { shape: 'String' } },
    ItemList: { type: 'list', member: { shape: 'Item', locationName: 'item' } },
    NestedList: { type: 'list', member: { shape: 'StringList' } },
    Item: { type: 'structure', members: { Key: { shape: 'String' }, Size: { shape: 'Long' } } },
    StringMap: { type: 'map', key: { shape: 'String' }, value: { shape: 'String' } },
    AttributeMap: {
      type: 'map',
      key: { shape: 'String', locationName: 'Name' },
      value: { shape: 'AttributeValue', locationName: 'Value' },
    },
    AttributeValue: {
      type: 'structure',
      required: ['DataType'],
      members: { DataType: { shape: 'String' }, StringValue: { shape: 'String' } },
    },
    Config: {
      type: 'structure',
      members: { Inner: { shape: 'Inner' } },
    },
    Inner: { type: 'structure', members: { Flag: { shape: 'Boolean' } } },
    Tree: { type: 'structure', members: { Label: { shape: 'String' }, Child: { shape: 'Tree' } } },
  },
};
