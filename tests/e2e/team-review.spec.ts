/**
 * Team review in the app (issue 10): two browser-mode hosts with their own
 * data directories sync one session through the local CouchDB-compatible
 * server, started on 127.0.0.1 by this spec (bin/couch.js). In the pages:
 * each reviewer names themself and connects in the library's Team section;
 * Alice shares a session from its toolbar; Bob opens it from the team list;
 * a note Alice writes appears in Bob's open page; verdicts both set while
 * the server is down are shown in both pages as a disagreement with who said
 * what ("Verdict: Alice: False · Bob: Misleading"), flagged on the claim's
 * card, until Bob settles it, which reaches Alice too.
 */
import { expect, test, type Page } from '@playwright/test';
import { addCouchUser, startCouchServer, type CouchServer } from '../helpers/couch-server';
import { startHost, type RunningHost } from './helpers/web-host';
import { api, SEED_QUOTES, seedReviewViaApi } from './helpers/app-driver';

const PASSWORDS = { alice: 'alice-e2e-pw', bob: 'bob-e2e-pw' };
/** Sync is live (a change goes within a second, an idle session is pulled every 5 s); a busy machine and a server restart with backoff make it slower. */
const SYNCED = { timeout: 120_000 };

let couch: CouchServer;
const hosts: RunningHost[] = [];

test.beforeAll(async () => {
  couch = await startCouchServer();
  await couch.admin('PUT', '/desk');
  for (const [name, pw] of Object.entries(PASSWORDS)) await addCouchUser(couch, name, pw);
  await couch.admin('PUT', '/desk/_security', {
    members: { names: ['alice', 'bob'], roles: [] },
    admins: { names: [], roles: [] },
  });
});

test.afterAll(async () => {
  for (const h of hosts) await h.stop();
  await couch?.stop();
});

/** Name the reviewer and connect to the team database in the library's Team section. */
async function joinTeam(page: Page, name: string, user: keyof typeof PASSWORDS): Promise<void> {
  const team = page.getByRole('region', { name: 'Team' });
  const reviewer = team.getByRole('form', { name: 'Reviewer' });
  await reviewer.getByRole('textbox', { name: 'Reviewer name' }).fill(name);
  await reviewer.getByRole('button', { name: 'Save reviewer' }).click();
  await expect(reviewer.getByRole('status')).toHaveText('Saved.');
  const connect = team.getByRole('form', { name: 'Connect to a team database' });
  await connect.getByRole('textbox', { name: 'Team database URL' }).fill(`${couch.url}/desk`);
  await connect.getByRole('textbox', { name: 'User name' }).fill(user);
  await connect.getByLabel('Password').fill(PASSWORDS[user]);
  await connect.getByRole('button', { name: 'Connect' }).click();
  await expect(team.getByTestId('team-connection')).toContainText(
    `Connected to ${couch.url}/desk as ${user}`,
  );
  await expect(team).not.toContainText(PASSWORDS[user]);
}

/** Open the claim from its card, then set its verdict in the detail panel. */
async function setVerdict(page: Page, label: string): Promise<void> {
  await openClaim(page);
  const detail = page.getByTestId('annotation-detail');
  await detail.getByRole('button', { name: /^(Change|Set) verdict$/ }).click();
  await detail.getByRole('radio', { name: label, exact: true }).check();
  await detail.getByRole('button', { name: 'Save verdict' }).click();
  await expect(detail.getByTestId('verdict-label')).toHaveText(label);
}

async function openClaim(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Disputes' }).click();
  await page.getByTestId('dispute-card').locator('.dispute-claim').first().click();
  await page.getByRole('tab', { name: 'Claim' }).click();
  await expect(page.getByTestId('annotation-detail')).toBeVisible();
}

test('two hosts sync a session through the team server and show a verdict disagreement in both', async ({
  browser,
}) => {
  // About 80 s idle (two hosts, a server restart with backoff): the limit stays 5× above it.
  test.setTimeout(600_000);
  const [hostA, hostB] = [await startHost(), await startHost()];
  hosts.push(hostA, hostB);
  const sessionId = await seedReviewViaApi(hostA.origin, hostA.token, 'Team review of the seed');
  const alice = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();

  // Alice joins the team and shares her session from its toolbar.
  await alice.goto(hostA.url);
  await joinTeam(alice, 'Alice', 'alice');
  await alice
    .getByTestId('session-item')
    .filter({ hasText: 'Team review of the seed' })
    .getByRole('button', { name: /^Open/ })
    .click();
  await expect(alice.locator('.article-text')).toBeVisible();
  await alice.getByTestId('team-bar').getByRole('button', { name: 'Share with team' }).click();
  await expect(alice.getByTestId('sync-state')).toHaveText('Synced', SYNCED);
  await expect(alice.getByRole('button', { name: 'Status: Draft' })).toBeVisible();

  // Bob joins and opens it from the team's list.
  await bob.goto(hostB.url);
  await joinTeam(bob, 'Bob', 'bob');
  const team = bob.getByRole('region', { name: 'Team' });
  await team.getByRole('button', { name: 'Refresh' }).click();
  await team.getByRole('button', { name: 'Team review of the seed' }).click();
  await expect(bob.locator('.article-text')).toBeVisible();
  await expect(bob.getByTestId('sync-state')).toHaveText('Synced', SYNCED);
  await expect(bob.getByTestId('dispute-card')).toContainText(SEED_QUOTES.claim.slice(0, 40));

  // A change made in one appears in the other's open page.
  await openClaim(bob);
  await openClaim(alice);
  const note = alice
    .getByTestId('annotation-detail')
    .getByRole('textbox', { name: 'Note', exact: true });
  await note.fill('Checked against the transcript.');
  await note.blur();
  await expect(
    bob.getByTestId('annotation-detail').getByRole('textbox', { name: 'Note', exact: true }),
  ).toHaveValue('Checked against the transcript.', SYNCED);

  // Both set a verdict while the server is down: each waits, offline, then both are kept.
  await couch.kill();
  await setVerdict(alice, 'False');
  await setVerdict(bob, 'Misleading');
  for (const page of [alice, bob])
    await expect(page.getByTestId('sync-state')).toHaveText(
      /^Offline: \d+ changes? waiting$/,
      SYNCED,
    );
  await couch.restart();
  for (const page of [alice, bob]) {
    await expect(page.getByTestId('disagreement-count')).toHaveText('1 disagreement', SYNCED);
    await page.getByRole('tab', { name: 'Disputes' }).click();
    await expect(page.getByTestId('disagreement-badge')).toHaveCount(1);
    await page.getByRole('tab', { name: 'Claim' }).click();
    await expect(page.getByTestId('disagreement')).toContainText(
      'Verdict: Alice: False · Bob: Misleading',
    );
  }

  // Bob keeps Alice's value: the flag goes in both, and both show False.
  await bob.getByRole('button', { name: 'Keep False (Alice)' }).click();
  for (const page of [bob, alice]) {
    await expect(page.getByTestId('disagreement')).toHaveCount(0, SYNCED);
    await expect(page.getByTestId('verdict-label')).toHaveText('False', SYNCED);
  }
  // The history says who did what.
  await alice.getByRole('button', { name: 'History' }).click();
  const history = alice.getByTestId('annotation-history');
  await expect(history).toContainText('Bob settled the verdict disagreement: False');
  await expect(history).toContainText('Alice changed the verdict to False');
  await expect(history).toContainText('Bob changed the verdict to Misleading');
  // What the page showed is what the hosts stored.
  for (const h of [hostA, hostB]) {
    const opened = await api(h.origin, h.token, 'sessions.open', { id: sessionId });
    const claim = opened.session.annotations.find((a) => a.kind === 'claim')!;
    expect([claim.verdict?.stepId, claim.note]).toEqual([
      'false',
      'Checked against the transcript.',
    ]);
  }
});
