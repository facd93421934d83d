import { loadHistoryNote } from './load-history-note';
import type { HttpService } from '../../lime';

const httpAnswering = (answer: () => Promise<unknown>) => {
  const urls: string[] = [];
  const http = {
    get: (url: string) => {
      urls.push(url);
      return answer();
    },
  } as unknown as HttpService;
  return { http, urls };
};

describe('loadHistoryNote', () => {
  it('reads the note of the history object in the context', async () => {
    const { http, urls } = httpAnswering(async () => ({ id: 5, note: 'Called Jane.' }));
    expect(await loadHistoryNote(http, { limetype: 'history', id: 5 })).toEqual({
      ok: true,
      text: 'Called Jane.',
    });
    expect(urls).toEqual(['api/v1/limeobject/history/5/']);
  });

  it('reads an empty note as empty text', async () => {
    const { http } = httpAnswering(async () => ({ id: 5, note: null }));
    expect(await loadHistoryNote(http, { limetype: 'history', id: 5 })).toEqual({
      ok: true,
      text: '',
    });
  });

  it('says there is no history object when the context holds none or there is no http service', async () => {
    const { http } = httpAnswering(async () => ({}));
    expect(await loadHistoryNote(http, { limetype: 'company', id: 1 })).toEqual({
      ok: false,
      reason: 'no-history',
    });
    expect(await loadHistoryNote(http, { limetype: 'history', id: null })).toEqual({
      ok: false,
      reason: 'no-history',
    });
    expect(await loadHistoryNote(undefined, { limetype: 'history', id: 1 })).toEqual({
      ok: false,
      reason: 'no-history',
    });
  });

  it('names the failure of a request, and refuses an answer without a note', async () => {
    const notFound = Object.assign(new Error('Not found'), { status: 404 });
    const { http } = httpAnswering(() => Promise.reject(notFound));
    expect(await loadHistoryNote(http, { limetype: 'history', id: 9 })).toEqual({
      ok: false,
      reason: 'failed',
      failure: { kind: 'not-found', message: 'Not found' },
    });
    for (const answer of [{ note: 42 }, { id: 9, note: 42 }]) {
      const odd = httpAnswering(async () => answer);
      expect(await loadHistoryNote(odd.http, { limetype: 'history', id: 9 })).toMatchObject({
        ok: false,
        reason: 'failed',
        failure: { kind: 'invalid-response' },
      });
    }
  });
});
