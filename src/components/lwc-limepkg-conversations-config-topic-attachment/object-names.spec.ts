import { createExampleEmulator } from '../../emulator';
import { findService, Query, type QueryService } from '../../lime';
import { objectItem, objectName, searchObjects } from './object-names';

describe('the objects a fixed attachment points at', () => {
  const emulator = createExampleEmulator();
  const query = findService<QueryService>(emulator.platform, Query);

  it('names an object by its id, and says nothing for one that does not exist', async () => {
    expect(await objectName(query, 'company', 1001)).toBe('Acme AB');
    expect(await objectName(query, 'company', 999_999)).toBeUndefined();
    expect(await objectName(undefined, 'company', 1001)).toBeUndefined();
  });

  it('finds objects by their descriptive property', async () => {
    const found = await searchObjects(query, emulator.limetypes, 'company', 'acme');
    expect(found).toContainEqual({ value: 1001, text: 'Acme AB' });
  });

  it('answers nothing, not an exception, when the query fails', async () => {
    const failing: QueryService = {
      execute: () => Promise.reject(new Error('HTTP 500')),
    };
    expect(await searchObjects(failing, emulator.limetypes, 'company', 'acme')).toEqual([]);
    expect(await objectName(failing, 'company', 1001)).toBeUndefined();
  });

  it('reads only numeric ids from a result, and shows #id when there is no descriptive', () => {
    expect(objectItem({ _id: 7, _descriptive: '' })).toEqual([{ value: 7, text: '#7' }]);
    expect(objectItem({ _id: '7' })).toEqual([]);
    expect(objectItem(null)).toEqual([]);
  });
});
