import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

import { PROJECT_ROOT } from '../../runtime/layout';
import { E2E_ENV, e2eSetting } from './e2e-env';

/** Where the guides' pictures live (committed; README.ru.md and README.md show them). */
export const DOC_IMAGES_DIR = join(PROJECT_ROOT, 'docs', 'images');

/** Generous for one view on a machine twice as slow as CI's, with other work beside it. */
export const VIEW_MS = 60_000;

/** A box on the page, in CSS pixels. */
interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** The smallest box holding all of these, with a small margin, kept inside the page. */
function unionOf(boxes: Box[], page: Box, margin = 8): Box {
	const left = Math.max(0, Math.min(...boxes.map((box) => box.x)) - margin);
	const top = Math.max(0, Math.min(...boxes.map((box) => box.y)) - margin);
	const right = Math.min(page.width, Math.max(...boxes.map((box) => box.x + box.width)) + margin);
	const bottom = Math.min(
		page.height,
		Math.max(...boxes.map((box) => box.y + box.height)) + margin,
	);
	return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Boxes of every element a locator matches that has a size on the page. */
async function boxesOf(locator: Locator): Promise<Box[]> {
	const boxes = await Promise.all(
		(await locator.all()).map(async (element) => await element.boundingBox()),
	);
	return boxes.filter((box): box is Box => box !== null && box.width > 0 && box.height > 0);
}

/**
 * Takes the guides' pictures: each one cropped to the panels it shows, at one device pixel per CSS
 * pixel (small files). Fails when a panel it expects is not shown, keeping what the page showed.
 */
export class DocScreenshots {
	readonly taken: string[] = [];
	private readonly failures = join(e2eSetting(E2E_ENV.artifactsDir), 'docs-screenshots');

	constructor() {
		mkdirSync(DOC_IMAGES_DIR, { recursive: true });
		mkdirSync(this.failures, { recursive: true });
	}

	/** Navigates inside the editor without loading it again (its router follows history). */
	async go(page: Page, baseUrl: string, path: string): Promise<void> {
		if (!page.url().startsWith(baseUrl)) {
			await page.goto(`${baseUrl}${path}`);
			return;
		}
		// Runs in the page (the editor's router listens to history).
		await page.evaluate(
			`window.history.pushState({}, '', ${JSON.stringify(path)}); window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));`,
		);
	}

	/** Waits until the panel shows this text; on failure keeps the page and says what it showed. */
	async waitForText(name: string, page: Page, panel: Locator, text: string): Promise<void> {
		const deadline = Date.now() + VIEW_MS;
		let shown = '';
		while (Date.now() < deadline) {
			shown = await panel.innerText({ timeout: 5_000 }).catch(() => '');
			if (shown.includes(text)) return;
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		await page.screenshot({ path: join(this.failures, `${name}-failed.png`) }).catch(() => {});
		throw new Error(`${name}: the panel does not show "${text}"; it shows: ${shown.slice(0, 600)}`);
	}

	/**
	 * Crops to these panels and writes docs/images/<name>.png. The first panel must be shown; each
	 * locator counts every element it matches that has a size (a form's rows, say).
	 */
	async take(name: string, page: Page, panels: Locator[]): Promise<void> {
		// The first panel must be shown (some element it matches has a size on the page).
		const deadline = Date.now() + VIEW_MS;
		while ((await boxesOf(panels[0])).length === 0) {
			if (Date.now() > deadline) {
				await page.screenshot({ path: join(this.failures, `${name}-failed.png`) }).catch(() => {});
				throw new Error(`${name}: the panel it shows is not on the page`);
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		// No tooltip or hover over the picture.
		await page.mouse.move(0, 0);
		const boxes = (await Promise.all(panels.map(boxesOf))).flat();
		const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
		await page.screenshot({
			path: join(DOC_IMAGES_DIR, `${name}.png`),
			clip: unionOf(boxes, { x: 0, y: 0, ...viewport }),
			animations: 'disabled',
			caret: 'hide',
		});
		this.taken.push(name);
	}
}
