import { issuesAt, issuesUnder, toErrorTree, type Issue } from '.';

const issue = (path: (string | number)[], message = 'wrong'): Issue => ({
  path,
  message,
  code: 'unknown-property',
});

describe('issue paths', () => {
  const issues = [
    issue(['topics', 0, 'limetype'], 'no such limetype'),
    issue(['topics', 1, 'attachments', 0, 'property'], 'not a relation'),
    issue(['lookupRules', 2, 'property'], 'not text'),
  ];

  it('gives a widget the issues under its value, with paths relative to it', () => {
    expect(issuesUnder(issues, ['topics']).map((each) => each.path)).toEqual([
      [0, 'limetype'],
      [1, 'attachments', 0, 'property'],
    ]);
    expect(issuesUnder(issues, ['portal', 'views'])).toEqual([]);
  });

  it('finds the issues of exactly one field', () => {
    expect(issuesAt(issuesUnder(issues, ['topics']), [0, 'limetype'])).toHaveLength(1);
    expect(issuesAt(issuesUnder(issues, ['topics']), [0])).toHaveLength(0);
  });

  it("builds limel-form's error tree, messages at their fields", () => {
    expect(toErrorTree([...issues, issue(['topics', 0, 'limetype'], 'second')])).toEqual({
      topics: {
        '0': { limetype: ['no such limetype', 'second'] },
        '1': { attachments: { '0': { property: ['not a relation'] } } },
      },
      lookupRules: { '2': { property: ['not text'] } },
    });
  });
});
