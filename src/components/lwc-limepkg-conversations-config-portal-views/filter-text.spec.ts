import { filterText, parseFilterText } from './filter-text';

describe('aggregation filter text', () => {
  it('reads a Lime Query filter and writes it back the same', () => {
    const text = '{"key":"status","op":"IN","exp":["new","ongoing"]}';
    const parsed = parseFilterText(text);
    expect(parsed).toEqual({
      ok: true,
      filter: { key: 'status', op: 'IN', exp: ['new', 'ongoing'] },
    });
    expect(parsed.ok && JSON.parse(filterText(parsed.filter))).toEqual(JSON.parse(text));
  });

  it('reads empty text as no filter', () => {
    expect(parseFilterText('  ')).toEqual({ ok: true, filter: undefined });
    expect(filterText(undefined)).toBe('');
  });

  it('refuses text that is not JSON, or JSON that is not a filter', () => {
    expect(parseFilterText('{"key":')).toEqual({ ok: false });
    expect(parseFilterText('{"key":"status","op":"LIKE","exp":"x"}')).toEqual({ ok: false });
    expect(parseFilterText('[1,2]')).toEqual({ ok: false });
  });
});
