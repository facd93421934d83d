import { patchAt, removeAt, replaceAt } from './config-widget';

describe('the config widgets’ list edits', () => {
  const rules = [{ contactField: 'email', futureKey: 'kept' }, { contactField: 'phoneNumber' }];

  it('changes one item and keeps the keys this version does not know', () => {
    expect(patchAt(rules, 0, { contactField: 'name' })).toEqual([
      { contactField: 'name', futureKey: 'kept' },
      { contactField: 'phoneNumber' },
    ]);
    expect(rules[0].contactField).toBe('email');
  });

  it('replaces an item whole, so that a key the row dropped is gone', () => {
    const attachments: { property: string; objectId?: number }[] = [
      { property: 'company', objectId: 1001 },
    ];
    expect(replaceAt(attachments, 0, { property: 'person' })).toEqual([{ property: 'person' }]);
  });

  it('removes the item at an index and leaves the list as it was', () => {
    expect(removeAt(rules, 1)).toEqual([rules[0]]);
    expect(removeAt(rules, 5)).toEqual(rules);
    expect(rules).toHaveLength(2);
  });
});
