import { createLimeTypes } from '../emulator/schema';
import type { LimeTypes } from '../lime/types';
import { belongstoRelations, findParentRelation } from './parent-relation';

describe('belongstoRelations', () => {
  it('lists the belongsto relations of the conversation limetype, not its hasmany ones', () => {
    expect(belongstoRelations(createLimeTypes(), 'conversation')).toEqual([
      { property: 'helpdesk', limetype: 'helpdesk' },
      { property: 'deal', limetype: 'deal' },
    ]);
  });

  it('has none for an unknown limetype', () => {
    expect(belongstoRelations(createLimeTypes(), 'nothing')).toEqual([]);
  });
});

describe('findParentRelation', () => {
  const limetypes = createLimeTypes();

  it('finds the helpdesk ticket a conversation is created from, named in the command', () => {
    expect(
      findParentRelation(limetypes, 'conversation', { initialValues: { helpdesk: 1001 } }),
    ).toEqual({ ok: true, property: 'helpdesk', parent: { limetype: 'helpdesk', id: 1001 } });
  });

  it('accepts the parent as an object holding its id', () => {
    expect(
      findParentRelation(limetypes, 'conversation', {
        initialValues: { deal: { id: 1002, descriptive: 'Big deal' } },
      }),
    ).toEqual({ ok: true, property: 'deal', parent: { limetype: 'deal', id: 1002 } });
  });

  it('falls back to the context the dialog was opened in', () => {
    expect(
      findParentRelation(limetypes, 'conversation', { context: { limetype: 'deal', id: 1003 } }),
    ).toEqual({ ok: true, property: 'deal', parent: { limetype: 'deal', id: 1003 } });
  });

  it('finds a relation under any name, from the metadata', () => {
    const renamed: LimeTypes = structuredClone(limetypes);
    const { helpdesk, ...rest } = renamed.conversation.properties;
    renamed.conversation.properties = { ...rest, ticket: { ...helpdesk, name: 'ticket' } };
    expect(
      findParentRelation(renamed, 'conversation', { context: { limetype: 'helpdesk', id: 1001 } }),
    ).toEqual({ ok: true, property: 'ticket', parent: { limetype: 'helpdesk', id: 1001 } });
  });

  it('says when the parent limetype has no relation to conversations', () => {
    expect(
      findParentRelation(limetypes, 'conversation', { context: { limetype: 'company', id: 1001 } }),
    ).toEqual({ ok: false, reason: 'no-relation' });
  });

  it('says when nothing names a parent', () => {
    expect(
      findParentRelation(limetypes, 'conversation', {
        initialValues: { topic: 'Support' },
        context: { limetype: null, id: null },
      }),
    ).toEqual({ ok: false, reason: 'no-parent' });
  });

  it('says when the conversation limetype does not exist', () => {
    expect(findParentRelation(limetypes, 'chat', { initialValues: { helpdesk: 1001 } })).toEqual({
      ok: false,
      reason: 'unknown-limetype',
    });
  });

  it('picks the relation to the context when the command names two, and refuses to guess otherwise', () => {
    const both = { helpdesk: 1001, deal: 1002 };
    expect(
      findParentRelation(limetypes, 'conversation', {
        initialValues: both,
        context: { limetype: 'deal', id: 1002 },
      }),
    ).toEqual({ ok: true, property: 'deal', parent: { limetype: 'deal', id: 1002 } });
    expect(findParentRelation(limetypes, 'conversation', { initialValues: both })).toEqual({
      ok: false,
      reason: 'ambiguous-relation',
    });
  });
});
