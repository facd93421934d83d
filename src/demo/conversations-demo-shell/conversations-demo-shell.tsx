import { Component, Host, Prop, h } from '@stencil/core';
import { translator, type LimePlatform } from '../../lime';
import { demoEndpoints } from '../conversations-demo-lime-connect/message-center';
import {
  getDemoEmulator,
  setDemoLanguage,
  type DemoLanguage,
  type DemoPage,
} from '../demo-emulator';

const PAGES: { page: DemoPage; href: string; key: string }[] = [
  { page: 'card', href: 'index.html', key: 'demo.nav.card' },
  { page: 'admin', href: 'admin.html', key: 'demo.nav.admin' },
  { page: 'lime-connect', href: 'lime-connect.html', key: 'demo.nav.lime_connect' },
  { page: 'dci', href: 'dci.html', key: 'demo.nav.dci' },
];

/**
 * The frame of every demo page: a top bar that navigates between the pages, switches the
 * language and resets the emulated data. It also mounts the package's loader, as the Lime CRM
 * webclient does once at start-up.
 *
 * @slot - The page's content.
 */
@Component({
  tag: 'conversations-demo-shell',
  styleUrl: 'conversations-demo-shell.scss',
  shadow: true,
})
export class ConversationsDemoShell {
  /** The page being shown, highlighted in the navigation. */
  @Prop({ reflect: true })
  public page: DemoPage = 'card';

  private platform: LimePlatform = getDemoEmulator().platform;

  public render() {
    const t = translator(this.platform);
    return (
      <Host>
        <header class="top-bar">
          <a class="brand" href="index.html">
            <span class="brand-mark" aria-hidden="true">
              L
            </span>
            Lime CRM <span class="brand-demo">demo</span>
          </a>
          <nav aria-label="Demo pages">
            {PAGES.map(({ page, href, key }) => (
              <a
                href={href}
                class={{ active: page === this.page }}
                aria-current={page === this.page ? 'page' : undefined}
              >
                {t(key)}
              </a>
            ))}
          </nav>
          <span class="spacer" />
          {this.renderLanguageSwitch()}
          <limel-button
            label={t('demo.reset')}
            icon="refresh"
            onClick={() => void this.handleReset()}
          />
        </header>
        <main>
          <slot />
        </main>
        <lwc-limepkg-conversations-loader
          platform={this.platform}
          context={{ limetype: null, id: null }}
        />
      </Host>
    );
  }

  private renderLanguageSwitch = () => {
    const current = window.limeDemo?.language ?? 'en';
    const languages: DemoLanguage[] = ['en', 'sv'];
    return (
      <div class="languages" role="group" aria-label="Language">
        {languages.map((language) => (
          <button
            type="button"
            class={{ language: true, active: language === current }}
            aria-pressed={language === current ? 'true' : 'false'}
            onClick={() => setDemoLanguage(language)}
          >
            {language.toUpperCase()}
          </button>
        ))}
      </div>
    );
  };

  private handleReset = async () => {
    getDemoEmulator().reset();
    // The Portal's API server holds a copy and its own fault flags (e.g. "unreachable"): reset too.
    await fetch(new URL('dev/reset', demoEndpoints(location.search).apiUrl), {
      method: 'POST',
    }).catch(() => undefined);
    location.reload();
  };
}
