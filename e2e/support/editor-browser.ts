import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

import { OWNER_EMAIL, OWNER_PASSWORD } from '../../runtime/owner';
import { E2E_ENV, e2eSetting } from './e2e-env';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Debian's Chromium as root, on a machine without outside network.
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

/** Debian's Chromium on the n8n editor, with page errors collected and screenshots kept. */
export class EditorBrowser {
	browser!: Browser;
	context!: BrowserContext;
	page!: Page;
	private readonly pageErrors: string[] = [];
	private readonly shots = join(e2eSetting(E2E_ENV.artifactsDir), 'editor');

	constructor(readonly baseUrl: string) {}

	async launch(): Promise<void> {
		mkdirSync(this.shots, { recursive: true });
		this.browser = await chromium.launch({
			executablePath: CHROMIUM,
			headless: true,
			args: CHROMIUM_ARGS,
		});
		this.context = await this.browser.newContext({ viewport: { width: 1440, height: 900 } });
		this.page = await this.context.newPage();
		this.page.on('pageerror', (error) => this.pageErrors.push(error.message));
	}

	async close(): Promise<void> {
		await this.browser?.close();
	}

	/** Signs in through the editor's sign-in page, as a user does. */
	async signIn(): Promise<void> {
		const page = this.page;
		await page.goto(`${this.baseUrl}/signin`);
		await page
			.locator('input[type="email"], input[name="emailOrLdapLoginId"]')
			.first()
			.fill(OWNER_EMAIL);
		await page.locator('input[type="password"]').first().fill(OWNER_PASSWORD);
		await page
			.locator('button[type="submit"], [data-test-id="form-submit-button"]')
			.first()
			.click();
		await page.waitForURL((url) => !url.pathname.includes('/signin'), { timeout: 30_000 });
	}

	async screenshot(name: string, page: Page = this.page): Promise<void> {
		await page.screenshot({ path: join(this.shots, `${name.replace(/[^\w.-]+/g, '_')}.png`) });
	}

	takePageErrors(): string[] {
		return this.pageErrors.splice(0, this.pageErrors.length);
	}
}
