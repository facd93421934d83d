import { Component, State, h } from '@stencil/core';
import { createDefaultConfig, type LookupRule } from '../../../config';
import { createExampleEmulator } from '../../../emulator';
import { typedHandler } from '../../shared/typed-handler';

/**
 * The lookup rules widget on its own, controlled: reorder, edit and run *Test lookup* against the
 * demo data (try `jane@example.com` or `0701234567`).
 */
@Component({
  tag: 'limepkg-conversations-example-config-lookup-rules',
  shadow: true,
})
export class ConfigLookupRulesExample {
  private platform = createExampleEmulator().platform;

  @State()
  private rules: LookupRule[] = createDefaultConfig().lookupRules;

  public render() {
    return (
      <lwc-limepkg-conversations-config-lookup-rules
        platform={this.platform}
        label="Lookup rules"
        value={this.rules}
        onChange={typedHandler(this.handleChange)}
      />
    );
  }

  private handleChange = (event: CustomEvent<LookupRule[]>) => {
    this.rules = event.detail;
  };
}
