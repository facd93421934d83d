// Typed event handlers for lime-elements' events under `strictFunctionTypes`.
//
// Stencil's JSX types an element's event prop (e.g. limel-select's `onChange`) as the element's own
// handler merged with the DOM's `(event: Event) => void`, so no handler that takes the element's
// CustomEvent (`LimelSelectCustomEvent<Option>`) fits both. lime-elements emits its documented
// CustomEvent under those names; `typedHandler` says so in this one place, and passes on nothing
// else (a native `change` from an inner input that was not stopped).

/** A handler for a lime-elements event prop, written against the element's own event type. */
export function typedHandler<E extends CustomEvent>(
  handle: (event: E) => void,
): (event: Event) => void {
  return (event) => {
    if (event instanceof CustomEvent) {
      handle(event as E);
    }
  };
}
