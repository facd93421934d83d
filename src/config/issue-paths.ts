// Issues by where they are: what a form field shows, and the error tree limel-form takes.
import type { Issue, IssuePath } from './config.types';

/** Issues at or under `prefix`, with their paths made relative to it. */
export function issuesUnder(issues: readonly Issue[], prefix: IssuePath): Issue[] {
  return issues
    .filter((issue) => prefix.every((key, index) => String(issue.path[index]) === String(key)))
    .map((issue) => ({ ...issue, path: issue.path.slice(prefix.length) }));
}

/** Issues exactly at `path`. */
export function issuesAt(issues: readonly Issue[], path: IssuePath): Issue[] {
  return issues.filter(
    (issue) =>
      issue.path.length === path.length &&
      path.every((key, index) => String(issue.path[index]) === String(key)),
  );
}

/** limel-form's `errors` shape: `{ field: { 0: { sub: ['message'] } } }`. */
export interface ErrorTree {
  [key: string]: string[] | ErrorTree;
}

/** Builds limel-form's error tree from issues; `message` says what to show for each. */
export function toErrorTree(
  issues: readonly Issue[],
  message: (issue: Issue) => string = (issue) => issue.message,
): ErrorTree {
  const root: ErrorTree = {};
  issues.forEach((issue) => {
    if (!issue.path.length) {
      return;
    }
    let node = root;
    issue.path.slice(0, -1).forEach((key) => {
      const child = node[String(key)];
      if (!child || Array.isArray(child)) {
        node[String(key)] = {};
      }
      node = node[String(key)] as ErrorTree;
    });
    const leafKey = String(issue.path[issue.path.length - 1]);
    const leaf = node[leafKey];
    if (Array.isArray(leaf)) {
      leaf.push(message(issue));
    } else if (!leaf) {
      node[leafKey] = [message(issue)];
    }
  });
  return root;
}
