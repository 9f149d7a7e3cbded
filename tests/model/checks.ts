/**
 * After every step, the app against the model:
 * - the stored session, read through the API: every annotation's kind, quote,
 *   position (code points), speaker, note and verdict; the links; the speakers;
 *   and whether Undo and Redo are offered;
 * - the dispute cards, when the Disputes panel is shown: one per claim in
 *   document order with its quote, verdict, speaker and linked statements;
 * - the open annotation's panel, when one is open: its speaker, verdict and note;
 * - the highlights painted in view: every model annotation of the open
 *   article that meets the view (by 2 px or more) is painted with its kind,
 *   and nothing painted in view is unknown to the model.
 * Each difference is one {@link Mismatch} in words.
 */
import type { Session } from '../../shared/model/session';
import { LINK_RELATIONS, RELATION_LABELS } from '../../shared/model/vocabulary';
import { api } from '../e2e/helpers/app-driver';
import { probe, waitSaved, type Ctx } from './driver';
import {
  codePointOffset,
  screenText,
  STEP_LABELS,
  type Model,
  type ModelAnnotation,
} from './model';
import { readCards, type ShownCard } from './page-probe';

export interface Mismatch {
  /** `stored`, `cards`, `painted`, `ui` or `harness`, with a detail after a colon (`stored:speaker`). */
  area: string;
  text: string;
}

/** Least height of a highlight inside the view for it to count as in view (px). */
const IN_VIEW_PX = 2;

function label(m: Model, a: ModelAnnotation): string {
  const q = m.quote(a).replace(/\s+/g, ' ');
  return `${a.handle} ${a.kind} “${q.length > 50 ? `${q.slice(0, 49)}…` : q}” [${a.start}, ${a.end})`;
}

/** Learn the id of an annotation the model made and the store now holds (one new on each side). */
function bindNew(model: Model, stored: Session): void {
  const known = new Set(model.ids.values());
  const unbound = model.state.annotations.filter((a) => !model.ids.has(a.handle));
  const fresh = stored.annotations.filter((a) => !known.has(a.id));
  if (unbound.length === 1 && fresh.length === 1) model.ids.set(unbound[0]!.handle, fresh[0]!.id);
}

export async function checkStored(ctx: Ctx): Promise<Mismatch[]> {
  const { model } = ctx;
  const out: Mismatch[] = [];
  const opened = await api(ctx.host.origin, ctx.host.token, 'sessions.open', { id: ctx.sessionId });
  const s = opened.session;
  bindNew(model, s);
  const speakers = new Map(s.speakers.map((x) => [x.id, x.name]));
  const byId = new Map(s.annotations.map((a) => [a.id, a]));
  const handleOf = new Map([...model.ids].map(([h, id]) => [id, h]));
  for (const a of model.state.annotations) {
    const id = model.ids.get(a.handle);
    const st = id ? byId.get(id) : undefined;
    if (!st) {
      out.push({ area: 'stored:missing', text: `${label(model, a)} is not in the stored session` });
      continue;
    }
    const art = model.articles[a.article]!;
    const diff = (what: string, want: unknown, got: unknown) => {
      if (JSON.stringify(want) !== JSON.stringify(got))
        out.push({
          area: `stored:${what}`,
          text: `${label(model, a)}: ${what} is ${JSON.stringify(got)}, the reviewer made it ${JSON.stringify(want)}`,
        });
    };
    diff('kind', a.kind, st.kind);
    diff('article', art.id, st.target.articleId);
    diff('quote', model.quote(a), st.target.quote.exact);
    diff(
      'position',
      [codePointOffset(art.text, a.start), codePointOffset(art.text, a.end)],
      [st.target.position.start, st.target.position.end],
    );
    diff(
      'speaker',
      a.speaker,
      st.speakerId ? (speakers.get(st.speakerId) ?? '(unknown speaker)') : null,
    );
    diff('note', a.note, st.note);
    diff(
      'verdict',
      a.verdict,
      st.verdict && { stepId: st.verdict.stepId, rationale: st.verdict.rationale },
    );
  }
  for (const st of s.annotations)
    if (!handleOf.has(st.id))
      out.push({
        area: 'stored:extra',
        text: `the stored session has a ${st.kind} “${st.target.quote.exact.slice(0, 50)}” the reviewer did not make (or deleted)`,
      });
  const key = (from: string, to: string, rel: string, note: string) =>
    `${from} ${rel} ${to}${note ? ` (note “${note}”)` : ''}`;
  const want = model.state.links.map((l) => key(l.from, l.to, l.relation, l.note)).sort();
  const got = s.links
    .map((l) => key(handleOf.get(l.from) ?? '?', handleOf.get(l.to) ?? '?', l.relation, l.note))
    .sort();
  if (JSON.stringify(want) !== JSON.stringify(got))
    out.push({
      area: 'stored:links',
      text: `stored links ${JSON.stringify(got)}, the reviewer made ${JSON.stringify(want)}`,
    });
  const names = s.speakers.map((x) => x.name).sort();
  const wantNames = [...model.state.speakers].sort();
  if (JSON.stringify(names) !== JSON.stringify(wantNames))
    out.push({
      area: 'stored:speakers',
      text: `stored speakers ${JSON.stringify(names)}, the reviewer has ${JSON.stringify(wantNames)}`,
    });
  return out;
}

/** Undo and Redo are offered exactly when the model has something to undo or redo. */
export async function checkHistory(ctx: Ctx): Promise<Mismatch[]> {
  const out: Mismatch[] = [];
  for (const [name, want] of [
    ['Undo', ctx.model.undoStack.length > 0],
    ['Redo', ctx.model.redoStack.length > 0],
  ] as const) {
    const b = ctx.page
      .locator('.session-bar')
      .getByRole('button', { name: new RegExp(`^${name}`) });
    const enabled = (await b.count()) ? await b.first().isEnabled() : false;
    if (enabled !== want)
      out.push({
        area: `ui:${name.toLowerCase()}`,
        text: `${name} is ${enabled ? 'offered' : 'not offered'}, but the reviewer has ${want ? 'something' : 'nothing'} to ${name.toLowerCase()}`,
      });
  }
  return out;
}

/** What the card of a claim should show. */
function expectedCards(model: Model): ShownCard[] {
  const claims = model.inOrder().filter((a) => a.kind === 'claim');
  return claims.map((c) => {
    const groups = LINK_RELATIONS.map((relation) => {
      const statements = model.state.links
        .filter((l) => l.relation === relation && (l.from === c.handle || l.to === c.handle))
        .map((l) => ({ other: model.get(l.from === c.handle ? l.to : l.from)!, note: l.note }))
        .filter((x) => x.other)
        .map((x) => ({ quote: model.quote(x.other), note: x.note }));
      return { heading: RELATION_LABELS[relation], statements };
    }).filter((g) => g.statements.length);
    return {
      claim: model.quote(c),
      verdict: c.verdict ? STEP_LABELS.get(c.verdict.stepId)! : 'No verdict',
      speaker: c.speaker ?? '',
      groups,
    };
  });
}

/** The shown text is the start of the full text (cards shorten long quotes). */
function shows(full: string, shown: string): boolean {
  const f = screenText(full);
  const s = screenText(shown);
  return f.startsWith(s) && s.length >= Math.min(f.length, 40);
}

export async function checkCards(ctx: Ctx): Promise<Mismatch[]> {
  const shown = await ctx.page.evaluate(readCards);
  if (!shown) return [];
  const want = expectedCards(ctx.model);
  const out: Mismatch[] = [];
  const brief = (c: ShownCard) => `“${screenText(c.claim).slice(0, 50)}”`;
  if (shown.length !== want.length)
    out.push({
      area: 'cards:count',
      text: `${shown.length} dispute cards shown (${shown.map(brief).join(', ')}), the reviewer has ${want.length} claims (${want.map(brief).join(', ')})`,
    });
  for (let i = 0; i < Math.min(shown.length, want.length); i++) {
    const g = shown[i]!;
    const w = want[i]!;
    const where = `card ${i + 1} ${brief(w)}`;
    if (!shows(w.claim, g.claim))
      out.push({ area: 'cards:claim', text: `${where} shows the claim ${brief(g)}` });
    if (g.verdict !== w.verdict)
      out.push({
        area: 'cards:verdict',
        text: `${where} shows the verdict “${g.verdict}”, not “${w.verdict}”`,
      });
    const speakerOk = w.speaker ? g.speaker.includes(w.speaker) : /not set/i.test(g.speaker);
    if (!speakerOk)
      out.push({
        area: 'cards:speaker',
        text: `${where} shows “${g.speaker}” as the speaker, not ${w.speaker || 'none'}`,
      });
    const fmt = (gs: ShownCard['groups']) =>
      gs
        .map(
          (x) =>
            `${x.heading}: ${x.statements
              .map((s) => `“${screenText(s.quote).slice(0, 30)}”${s.note ? ` (${s.note})` : ''}`)
              .sort()
              .join(', ')}`,
        )
        .join('; ');
    const same =
      g.groups.length === w.groups.length &&
      g.groups.every((gg, j) => {
        const ww = w.groups[j]!;
        if (screenText(gg.heading) !== ww.heading || gg.statements.length !== ww.statements.length)
          return false;
        const rest = [...ww.statements];
        return gg.statements.every((st) => {
          const k = rest.findIndex(
            (x) => shows(x.quote, st.quote) && screenText(x.note) === screenText(st.note),
          );
          return k >= 0 && !!rest.splice(k, 1);
        });
      });
    if (!same)
      out.push({
        area: 'cards:links',
        text: `${where} shows ${fmt(g.groups) || 'no linked statements'}; the reviewer linked ${fmt(w.groups) || 'none'}`,
      });
  }
  return out;
}

export async function checkPainted(ctx: Ctx): Promise<Mismatch[]> {
  const { model } = ctx;
  const mine = model.state.annotations.filter((a) => a.article === model.openArticle);
  const keyOf = (kind: string, s: number | null, e: number | null) => `${kind}:${s}:${e}`;
  const r = await probe(
    ctx,
    mine.map((a) => ({ key: a.handle, start: a.start, end: a.end })),
  );
  if (r.error) return [{ area: 'painted:probe', text: r.error }];
  const painted = new Set(r.painted.map((p) => keyOf(p.kind, p.start, p.end)));
  const known = new Set(mine.map((a) => keyOf(a.kind, a.start, a.end)));
  const out: Mismatch[] = [];
  const inView = new Map(r.spans.map((s) => [s.key, s.inView]));
  const missing = mine.filter(
    (a) => (inView.get(a.handle) ?? 0) >= IN_VIEW_PX && !painted.has(keyOf(a.kind, a.start, a.end)),
  );
  if (missing.length) {
    const shownCount = mine.filter((a) => (inView.get(a.handle) ?? 0) >= IN_VIEW_PX).length;
    out.push({
      area: 'painted:missing',
      text: `${missing.length} of ${shownCount} highlights in view are not painted (scrolled to ${Math.round(r.scroll.top)} of ${r.scroll.height} px): ${missing
        .slice(0, 5)
        .map((a) => label(model, a))
        .join('; ')}${missing.length > 5 ? '; …' : ''}`,
    });
  }
  const extra = r.painted.filter(
    (p) => p.inView >= IN_VIEW_PX && !known.has(keyOf(p.kind, p.start, p.end)),
  );
  if (extra.length)
    out.push({
      area: 'painted:extra',
      text: `painted in view but not annotated so: ${extra
        .slice(0, 5)
        .map((p) => `${p.kind} [${p.start}, ${p.end})`)
        .join('; ')}`,
    });
  return out;
}

/** The open annotation's panel shows its speaker, verdict and note as the model has them. */
export async function checkDetail(ctx: Ctx): Promise<Mismatch[]> {
  const { page, model } = ctx;
  const detail = page.getByTestId('annotation-detail');
  if (!(await detail.count())) return [];
  const shown = await detail.evaluate((el) => ({
    kind: (el.querySelector('.kind-select select') as HTMLSelectElement | null)?.value ?? '',
    quote: el.querySelector('.detail-quote')?.textContent ?? '',
    speaker: el.querySelector('[data-testid="speaker-name"]')?.textContent ?? null,
    verdict: el.querySelector('[data-testid="verdict-label"]')?.textContent ?? null,
    editingVerdict: !!el.querySelector('form.verdict-form'),
    note:
      (el.querySelector('label.detail-section > textarea') as HTMLTextAreaElement | null)?.value ??
      '',
    noteFocused: document.activeElement?.tagName === 'TEXTAREA',
  }));
  const q = screenText(shown.quote);
  const which = model.state.annotations.filter(
    (a) => a.kind === shown.kind && screenText(model.quote(a)).startsWith(q),
  );
  if (which.length !== 1) {
    if (which.length) return [];
    return [
      {
        area: 'ui:detail',
        text: `the open annotation (${shown.kind} “${q.slice(0, 50)}”) is not one the reviewer has`,
      },
    ];
  }
  const a = which[0]!;
  const out: Mismatch[] = [];
  if (shown.speaker !== a.speaker)
    out.push({
      area: 'ui:detail-speaker',
      text: `${label(model, a)} shows the speaker ${JSON.stringify(shown.speaker)}, not ${JSON.stringify(a.speaker)}`,
    });
  const verdict = a.verdict ? STEP_LABELS.get(a.verdict.stepId)! : null;
  if (a.kind === 'claim' && !shown.editingVerdict && shown.verdict !== verdict)
    out.push({
      area: 'ui:detail-verdict',
      text: `${label(model, a)} shows the verdict ${JSON.stringify(shown.verdict)}, not ${JSON.stringify(verdict)}`,
    });
  if (!shown.noteFocused && shown.note !== a.note)
    out.push({
      area: 'ui:detail-note',
      text: `${label(model, a)} shows the note ${JSON.stringify(shown.note)}, not ${JSON.stringify(a.note)}`,
    });
  return out;
}

/** All checks after a step (the save first: a change that does not save is the first thing to say). */
export async function checkAll(ctx: Ctx): Promise<Mismatch[]> {
  const problem = await waitSaved(ctx);
  const out: Mismatch[] = problem ? [{ area: 'stored:save', text: problem }] : [];
  out.push(...(await checkStored(ctx)));
  out.push(...(await checkHistory(ctx)));
  out.push(...(await checkCards(ctx)));
  out.push(...(await checkDetail(ctx)));
  out.push(...(await checkPainted(ctx)));
  return out;
}
