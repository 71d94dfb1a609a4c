import { describeInstances } from './sdk-instance-list.js';

describe('describeInstances', () => {
  it('says how many instances are on the current version and how many lag', () => {
    expect(describeInstances({ total: 42, onCurrent: 41, lagging: 1, version: 53 })).toBe(
      '41 of 42 instances on version 53; 1 lagging',
    );
  });

  it('uses the singular for one instance and says so when none was seen', () => {
    expect(describeInstances({ total: 1, onCurrent: 1, lagging: 0, version: 2 })).toBe(
      '1 of 1 instance on version 2; 0 lagging',
    );
    expect(describeInstances({ total: 0, onCurrent: 0, lagging: 0, version: 2 })).toBe(
      'No SDK instance seen in the last hour',
    );
  });
});
