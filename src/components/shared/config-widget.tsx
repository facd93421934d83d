// What the Lime Admin config widgets (topics, lookup rules, Portal views) and their rows share:
// the limetypes to pick from, translated texts, the issues and state of a field, the widget's
// frame, and list edits that keep the keys this version does not know.
import { forceUpdate, h, type FunctionalComponent } from '@stencil/core';
import type { Issue } from '../../config';
import { issuesAt, issuesUnder } from '../../config';
import {
  bundledTextsReady,
  subscribeLimetypes,
  Subscriptions,
  translator,
  type LimePlatform,
  type LimeTypes,
} from '../../lime';
import { fieldProblem, type Translate } from './config-texts';

export type IssuePath = readonly (string | number)[];

/** The props of a config widget (or row) that this helper reads. */
export interface ConfigWidgetHost {
  platform?: LimePlatform;
  limetypes?: LimeTypes;
  errors?: Issue[];
  warnings?: Issue[];
  readonly?: boolean;
  disabled?: boolean;
  label?: string;
  required?: boolean;
  helperText?: string;
  /** The widget's list (a row's item). */
  value?: unknown;
}

/**
 * A widget's link to the platform and to its issues. Create one per component (`new
 * ConfigWidget(this)`), and call `connect`, `disconnect` and `textsReady` from the lifecycle
 * methods of the same names (`textsReady` from `componentWillLoad`).
 */
export class ConfigWidget {
  private subscriptions = new Subscriptions();
  private stateLimetypes: LimeTypes = {};

  constructor(private readonly host: ConfigWidgetHost) {}

  /** Follows the platform's limetypes state (used when the `limetypes` prop is not given). */
  public connect(): void {
    this.subscriptions.add(
      subscribeLimetypes(this.host.platform, (limetypes) => {
        this.stateLimetypes = limetypes ?? {};
        forceUpdate(this.host);
      }),
    );
  }

  public disconnect(): void {
    this.subscriptions.clear();
  }

  /** Our texts are fetched first when the platform lacks them, so no key ever shows. */
  public textsReady(): Promise<void> {
    return bundledTextsReady(this.host.platform);
  }

  public get t(): Translate {
    return translator(this.host.platform);
  }

  /** The limetypes to pick from: the prop when given, else the platform's state. */
  public get limetypes(): LimeTypes {
    return this.host.limetypes ?? this.stateLimetypes;
  }

  /** What the frame shows around the widget's list. */
  public get frameTexts(): { label?: string; required?: boolean; helperText?: string } {
    const { label, required, helperText } = this.host;
    return { label, required, helperText };
  }

  /** Whether the widget's list is empty. */
  public get empty(): boolean {
    const list = this.host.value;
    return !Array.isArray(list) || list.length === 0;
  }

  /** Read-only or disabled: nothing can be added, removed or moved. */
  public get locked(): boolean {
    return !!this.host.readonly || !!this.host.disabled;
  }

  /** The state props of the field at `path` (spread them on the lime-element). */
  public field(path?: IssuePath): { disabled?: boolean; readonly?: boolean; invalid?: boolean } {
    const { disabled, readonly } = this.host;
    return path
      ? { disabled, readonly, invalid: this.problem(path).invalid }
      : { disabled, readonly };
  }

  /** The first error (else warning) at exactly `path`. */
  public problem(path: IssuePath) {
    return fieldProblem(this.t, this.issuesAt('errors', path), this.issuesAt('warnings', path));
  }

  /** The errors and warnings at or under `path` that `keep` keeps, as `IssueList` props. */
  public issues(path: IssuePath, keep: (issue: Issue) => boolean = () => true) {
    return {
      t: this.t,
      errors: this.issuesUnder('errors', path).filter(keep),
      warnings: this.issuesUnder('warnings', path).filter(keep),
    };
  }

  public hasErrorsUnder(path: IssuePath): boolean {
    return this.issuesUnder('errors', path).length > 0;
  }

  private issuesAt(kind: 'errors' | 'warnings', path: IssuePath): Issue[] {
    return issuesAt(this.host[kind] ?? [], [...path]);
  }

  private issuesUnder(kind: 'errors' | 'warnings', path: IssuePath): Issue[] {
    return issuesUnder(this.host[kind] ?? [], [...path]);
  }
}

/**
 * What the three config widgets extend: their link to the platform, set up and torn down with
 * the component (a subclass that adds to a lifecycle method calls `super`'s), and their frame
 * around the list each renders.
 */
export abstract class ConfigWidgetElement implements ConfigWidgetHost {
  public abstract platform?: LimePlatform;

  protected readonly widget = new ConfigWidget(this);

  /** The frame's class, texts and add button. */
  protected abstract get frame(): Omit<ConfigWidgetFrameProps, 'widget'>;

  public render() {
    return (
      <ConfigWidgetFrame {...this.frame} widget={this.widget}>
        {this.renderList()}
      </ConfigWidgetFrame>
    );
  }

  public connectedCallback() {
    this.widget.connect();
  }

  public disconnectedCallback() {
    this.widget.disconnect();
  }

  public componentWillLoad() {
    return this.widget.textsReady();
  }

  /** The widget's list, inside its frame. */
  protected abstract renderList(): unknown;
}

/** The list with the item at `index` changed; the stored item is spread first, so unknown keys stay. */
export function patchAt<T extends object>(
  list: readonly T[],
  index: number,
  change: Partial<T>,
): T[] {
  return list.map((item, each) => (each === index ? { ...item, ...change } : item));
}

/** The list with `item` in place of the one at `index`. */
export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((each, at) => (at === index ? item : each));
}

/** The list without the item at `index`. */
export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, each) => each !== index);
}

/** The `detail` of a row's own event, stopped so that limel-form only hears the widget's `change`. */
export function rowEventDetail<T>(event: CustomEvent<T>): T {
  event.stopPropagation();
  return event.detail;
}

export interface ConfigWidgetFrameProps {
  /** The section's class. */
  class: string;
  /** The widget the frame is of: its label, required, helper text, list, texts and lock. */
  widget: ConfigWidget;
  /** The key prefix of the widget's texts: `<texts>.helper`, `<texts>.empty` and `<texts>.add`. */
  texts: string;
  /** The add button's class. */
  addClass: string;
  onAdd: () => void;
  /** What follows the add button (e.g. Test lookup). */
  footer?: unknown;
}

/** A widget's frame: heading, helper, its list (the children), the empty text and the add button. */
export const ConfigWidgetFrame: FunctionalComponent<ConfigWidgetFrameProps> = (props, children) => {
  const { widget, texts } = props;
  const { label, required, helperText } = widget.frameTexts;
  const t = widget.t;
  return (
    <section class={props.class} aria-label={label}>
      {label ? (
        <h3 class="heading">
          {label}
          {required ? ' *' : ''}
        </h3>
      ) : null}
      <p class="helper">{helperText || t(`${texts}.helper`)}</p>
      {children}
      {widget.empty ? <p class="empty">{t(`${texts}.empty`)}</p> : null}
      {widget.locked ? null : (
        <limel-button
          class={props.addClass}
          icon="plus_math"
          label={t(`${texts}.add`)}
          onClick={props.onAdd}
        />
      )}
      {props.footer}
    </section>
  );
};
