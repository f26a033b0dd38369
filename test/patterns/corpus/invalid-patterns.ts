/**
 * Corpus of rejected patterns: [pattern text, expected reason]. Reasons without a "(ours)"
 * note are AWS's wording as recorded against the real service; the full message is always
 * "Event pattern is not valid. Reason: " + reason.
 */
export const INVALID_PATTERNS: readonly (readonly [string, string])[] = [
  ['{"int": 42}', '"int" must be an object or an array'],
  ['{"string": "my-value"}', '"string" must be an object or an array'],
  ['{"a": true}', '"a" must be an object or an array'],
  ['{"a": null}', '"a" must be an object or an array'],
  ['{"resources": []}', 'Empty arrays are not allowed'],
  ['{"detail": {}}', 'Empty objects are not allowed'],
  ['{}', 'Empty objects are not allowed'],
  ['["not", "a", "dict"]', 'Filter is not an object'],
  ['"text"', 'Filter is not an object'],
  ['null', 'Filter is not an object'],
  ['this is not json', 'Filter is not valid JSON'], // (ours)
  ["{'bad': 'quotation'}", 'Filter is not valid JSON'], // (ours)
  ['{"a": [1]', 'Filter is not valid JSON'], // (ours)
  ['{"detail": {"equal": [{"NUMERIC": ["=", 5]}]}}', 'Unrecognized match type NUMERIC'],
  ['{"my_key": [{"EXISTS": true}]}', 'Unrecognized match type EXISTS'],
  ['{"a": [{"contains": "x"}]}', 'Unrecognized match type contains'],
  ['{"a": [{"prefix": "a", "suffix": "b"}]}', 'Only one key allowed in match expression'],
  ['{"a": [{}]}', 'Only one key allowed in match expression'],
  ['{"a": [[1]]}', 'Match value must be String, number, true, false, or null'],
  ['{"time": [{"prefix": ["2022-07-13"]}]}', 'prefix match pattern must be a string'],
  ['{"time": [{"prefix": 123}]}', 'prefix match pattern must be a string'],
  ['{"FileName": [{"suffix": 123}]}', 'suffix match pattern must be a string'],
  ['{"FileName": [{"suffix": [".png"]}]}', 'suffix match pattern must be a string'],
  [
    '{"a": [{"prefix": {"equals-ignore-case": 5}}]}',
    'equals-ignore-case match pattern must be a string',
  ],
  ['{"a": [{"equals-ignore-case": ["x"]}]}', 'equals-ignore-case match pattern must be a string'],
  [
    '{"a": [{"equals-ignore-case": {"prefix": "ec2"}}]}',
    'equals-ignore-case match pattern must be a string',
  ],
  ['{"a": [{"wildcard": 123}]}', 'wildcard match pattern must be a string'],
  ['{"a": [{"wildcard": ["x*"]}]}', 'wildcard match pattern must be a string'],
  [
    '{"EventBusArn": [{"wildcard": "arn:aws:events:us-east-1:**:event-bus/*"}]}',
    'Consecutive wildcard characters at pos 26',
  ],
  ['{"a": [{"wildcard": "a\\\\b"}]}', 'Invalid escape character at pos 1'], // (ours)
  [
    '{"EventBusArn": [{"wildcard": "*:*:*:*:*:event-bus/*"}]}',
    'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character',
  ],
  [
    '{"k": [{"wildcard": "*.bif"}, {"wildcard": "*.tiff"}, {"wildcard": "*.tif"}, {"wildcard": "*.svs"}]}',
    'Rule is too complex',
  ],
  ['{"a": [{"numeric": [">", 0, ">", 0]}]}', 'Bad numeric range operator: >'],
  ['{"a": [{"numeric": [">", 0, "<"]}]}', 'Value of < must be numeric'],
  ['{"a": [{"numeric": ["=", "5"]}]}', 'Value of equals must be numeric'],
  ['{"a": [{"numeric": [">"]}]}', 'Value of > must be numeric'],
  ['{"a": [{"numeric": 5}]}', 'Value of numeric must be an array.'],
  ['{"a": [{"numeric": []}]}', 'Invalid member in numeric match: ]'],
  ['{"a": [{"numeric": [5, ">"]}]}', 'Invalid member in numeric match: 5'],
  ['{"a": [{"numeric": ["!=", 5]}]}', 'Unrecognized numeric range operator: !='],
  ['{"a": [{"numeric": ["=", 5, "<", 6]}]}', 'Too many elements in numeric expression'],
  ['{"a": [{"numeric": ["<", 5, ">", 1]}]}', 'Too many elements in numeric expression'],
  ['{"a": [{"numeric": [">", 0, 5, 6]}]}', 'Bad value in numeric range: 5'],
  ['{"a": [{"numeric": [">", 5, "<", 5]}]}', 'Bottom must be less than top'],
  ['{"a": [{"numeric": [">", 0, "<", 5, 6]}]}', 'Too many terms in numeric range expression'],
  ['{"a": [{"numeric": [">", 6e9]}]}', 'Value of > must be between -5.0E9 and 5.0E9 inclusive'], // (ours)
  ['{"a": [{"exists": "true"}]}', 'exists match pattern must be either true or false.'],
  ['{"a": [{"exists": null}]}', 'exists match pattern must be either true or false.'],
  ['{"a": [{"cidr": "10.0.0.0"}]}', "Malformed CIDR, one '/' required"],
  ['{"a": [{"cidr": "10.0.0.0/x"}]}', 'Malformed CIDR, mask bits must be an integer'],
  ['{"a": [{"cidr": "xx.11.xx/24"}]}', 'Nonstandard IP address: xx.11.xx'],
  ['{"a": [{"cidr": "xxxx:db8:1234:1a00::/64"}]}', 'Nonstandard IP address: xxxx:db8:1234:1a00::'],
  ['{"a": [{"cidr": "10.0.0.0/33"}]}', 'Malformed CIDR, mask bits must be between 0 and 32'], // (ours)
  ['{"a": [{"cidr": ["bad-type"]}]}', 'prefix match pattern must be a string'],
  [
    '{"a": [{"anything-but": null}]}',
    'Value of anything-but must be an array or single string/number value.',
  ],
  [
    '{"a": [{"anything-but": true}]}',
    'Value of anything-but must be an array or single string/number value.',
  ],
  [
    '{"a": [{"anything-but": ["x", null]}]}',
    'Inside anything but list, start|null|boolean is not supported.',
  ],
  ['{"a": [{"anything-but": []}]}', 'Empty arrays are not allowed'],
  ['{"a": [{"anything-but": {"prefix": 123}}]}', 'prefix/suffix match pattern must be a string'],
  [
    '{"a": [{"anything-but": {"prefix": [123, "test"]}}]}',
    'prefix/suffix match pattern must be a string',
  ],
  [
    '{"a": [{"anything-but": {"suffix": [123, ".txt"]}}]}',
    'prefix/suffix match pattern must be a string',
  ],
  ['{"a": [{"anything-but": {"prefix": ""}}]}', 'Null prefix/suffix not allowed'],
  ['{"a": [{"anything-but": {"suffix": ""}}]}', 'Null prefix/suffix not allowed'],
  [
    '{"a": [{"anything-but": {"prefix": {"equals-ignore-case": "file"}}}]}',
    'Value of anything-but must be an array or single string/number value.',
  ],
  [
    '{"a": [{"anything-but": {"suffix": {"equals-ignore-case": ".png"}}}]}',
    'Value of anything-but must be an array or single string/number value.',
  ],
  [
    '{"a": [{"anything-but": {"equals-ignore-case": 123}}]}',
    'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
  ],
  [
    '{"a": [{"anything-but": {"equals-ignore-case": [123, 456]}}]}',
    'Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.',
  ],
  ['{"a": [{"anything-but": {"wildcard": 123}}]}', 'wildcard match pattern must be a string'],
  [
    '{"a": [{"anything-but": {"wildcard": [123, "*/dir/*"]}}]}',
    'wildcard match pattern must be a string',
  ],
  ['{"a": [{"anything-but": {"numeric": [">", 1]}}]}', 'Unsupported anything-but pattern: numeric'],
  [
    '{"a": [{"anything-but": {"prefix": "a", "suffix": "b"}}]}',
    'Only one key allowed in match expression',
  ],
  ['{"$or": [{"a": [1]}, {}]}', 'Empty objects are not allowed'],
  ['{"$or": [{"a": [1]}, {"b": 2}]}', '"b" must be an object or an array'],
  ['{"$or": [{"numeric": 123}, {"prefix": "abc"}]}', 'Value of numeric must be an array.'],
  ['{"$or": [{"a": [1]}]}', 'Unrecognized match type a'],
];
