// The problems of one part of the form, written out beside it: errors, then warnings.
import { h } from '@stencil/core';
import type { Issue } from '../../config';
import { issueText, type Translate } from './config-texts';

/** Renders nothing when there are no issues. */
export function IssueList(props: { t: Translate; errors: Issue[]; warnings: Issue[] }) {
  const { t, errors, warnings } = props;
  if (!errors.length && !warnings.length) {
    return null;
  }
  return (
    <ul class="issues">
      {errors.map((issue) => (
        <li class={`issue issue-error issue-${issue.code}`}>
          <limel-icon name="error" size="small" />
          <span>{issueText(t, issue)}</span>
        </li>
      ))}
      {warnings.map((issue) => (
        <li class={`issue issue-warning issue-${issue.code}`}>
          <limel-icon name="warning" size="small" />
          <span>{issueText(t, issue)}</span>
        </li>
      ))}
    </ul>
  );
}
