import { moveItem, rowIndexAt } from './reorder';

describe('moveItem', () => {
  it('moves a rule down and up without changing the list it was given', () => {
    const rules = ['email', 'mobile', 'phone'];
    expect(moveItem(rules, 0, 1)).toEqual(['mobile', 'email', 'phone']);
    expect(moveItem(rules, 2, 0)).toEqual(['phone', 'email', 'mobile']);
    expect(rules).toEqual(['email', 'mobile', 'phone']);
  });

  it('keeps the first rule first when moved further up, and the last last', () => {
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 5)).toEqual(['a', 'b']);
  });
});

describe('rowIndexAt', () => {
  const rows = [
    { top: 0, height: 40 },
    { top: 40, height: 40 },
    { top: 80, height: 40 },
  ];

  it('is the row whose upper half the pointer is above, else the last', () => {
    expect(rowIndexAt(10, rows)).toBe(0);
    expect(rowIndexAt(30, rows)).toBe(1);
    expect(rowIndexAt(95, rows)).toBe(2);
    expect(rowIndexAt(500, rows)).toBe(2);
  });
});
