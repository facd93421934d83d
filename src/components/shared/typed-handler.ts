// Typed event handlers for lime-elements' events under `strictFunctionTypes`.
//
// Stencil's JSX types an element's event prop (e.g. limel-select's `onChange`) as the element's own
// handler merged with the DOM's `(event: Event) => void`, so no handler that takes the element's
// CustomEvent (`LimelSelectCustomEvent<Option>`) fits both. lime-elements emits its documented
// CustomEvent under those names; `typedHandler` says so in this one place, and passes on nothing
// else (a native `change` from an inner input that was not stopped).
import type {
  LimelCheckboxCustomEvent,
  LimelInputFieldCustomEvent,
  LimelSelectCustomEvent,
  LimelSwitchCustomEvent,
  Option,
} from '@limetech/lime-elements';

/** What Stencil's JSX accepts for every event prop: a handler of the DOM's `Event`. */
export type EventPropHandler = (event: Event) => void;

/** A handler for a lime-elements event prop, written against the element's own event type. */
export function typedHandler<E extends CustomEvent>(handle: (event: E) => void): EventPropHandler {
  return (event) => {
    if (event instanceof CustomEvent) {
      handle(event as E);
    }
  };
}

// Handlers for the form widgets' `change`, passing on the value alone. Each stops the event first
// (whatever it is), so that limel-form only hears a widget's own `change`, never an inner one.

/** A handler that stops every event, then passes the element's own CustomEvent on. */
export function stoppedHandler<E extends CustomEvent>(
  handle: (event: E) => void,
): EventPropHandler {
  const typed = typedHandler(handle);
  return (event) => {
    event.stopPropagation();
    typed(event);
  };
}

/** A limel-input-field `change` handler given the field's text. */
export function onInputChange(use: (text: string) => void): EventPropHandler {
  return stoppedHandler((event: LimelInputFieldCustomEvent<string>) => use(event.detail));
}

/** A limel-select `change` handler given the chosen value (the first when several; '' for none). */
export function onSelectChange(use: (value: string) => void): EventPropHandler {
  return stoppedHandler((event: LimelSelectCustomEvent<Option | Option[] | undefined>) => {
    const option = Array.isArray(event.detail) ? event.detail[0] : event.detail;
    use(option?.value ?? '');
  });
}

/** A multiple limel-select `change` handler given the chosen values. */
export function onSelectValuesChange(use: (values: string[]) => void): EventPropHandler {
  return stoppedHandler((event: LimelSelectCustomEvent<Option[]>) =>
    use(event.detail.map((option) => option.value)),
  );
}

/** A limel-checkbox or limel-switch `change` handler given its state. */
export function onCheckedChange(use: (checked: boolean) => void): EventPropHandler {
  return stoppedHandler(
    (event: LimelCheckboxCustomEvent<boolean> | LimelSwitchCustomEvent<boolean>) =>
      use(event.detail),
  );
}
