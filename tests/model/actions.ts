/**
 * What a reviewer does, as data: each action says exactly what is pressed,
 * typed, dragged or clicked, and on which passage or annotation (by model
 * handle), so a failing sequence prints as words and replays as it was.
 *
 * `generateAction` draws the next action from the model as it stands (only
 * annotations that exist, speakers that exist, passages that are shown), with
 * the run's seeded random choices. `applicable` says whether an action still
 * makes sense when replayed after others were removed (shrinking).
 */
import {
  ANNOTATION_KINDS,
  LINK_RELATIONS,
  type AnnotationKind,
  type LinkRelation,
} from '../../shared/model/vocabulary';
import { quotationAround, sentenceAround } from '../../shared/anchoring/text-units';
import { foldName } from '../../shared/review/speaker-search';
import { pickPassage, pickUniqueQuery, quotations } from './article-text';
import { STEP_IDS, type Model } from './model';
import type { Rng } from './rng';

/** How the passage is selected before it is marked. All are in the open article. */
export type Select =
  | { how: 'drag'; start: number; end: number }
  | { how: 'find'; query: string; start: number; end: number; key: 'ctrl-f' | 'slash' }
  /** Find the query, collapse to its start, then Shift+→ `n` times. */
  | { how: 'arrows'; query: string; caret: number; n: number }
  | { how: 'sentence'; query: string; caret: number }
  | { how: 'quotation'; query: string; caret: number };

/** What happens in the speaker field. */
export type SpeakerChoice =
  /** Escape: leave it as it is. */
  | { how: 'leave' }
  /** Enter without choosing anything: nothing may change. */
  | { how: 'enter-empty' }
  /** Type a new name, then Enter or a click on “Add …”. */
  | { how: 'new'; name: string; confirm: 'enter' | 'click' }
  /** Type part of an existing name, then Enter (best match) or a click on it. */
  | { how: 'type'; name: string; typed: string; confirm: 'enter' | 'click' }
  /** Move through the list with ↓ until the speaker is highlighted, then Enter. */
  | { how: 'arrows'; name: string }
  /** Choose “No speaker”. */
  | { how: 'clear' };

/** How an annotation is opened: the Go-to picker (G), its dispute card, or a click on its highlight. */
export type Open = 'goto' | 'card' | 'highlight';

export type Action =
  | {
      type: 'mark';
      article: number;
      handle: string;
      kind: AnnotationKind;
      select: Select;
      via: 'key' | 'toolbar';
      speaker: SpeakerChoice;
      close: boolean;
    }
  | { type: 'speaker'; target: string; open: Open; speaker: SpeakerChoice; close: boolean }
  | {
      type: 'note';
      target: string;
      open: Open;
      note: string;
      commit: 'tab' | 'ctrl-enter';
      close: boolean;
    }
  | {
      type: 'verdict';
      target: string;
      open: Open;
      stepId: string | null;
      rationale: string;
      launch: 'key' | 'button';
      save: 'ctrl-enter' | 'button';
      close: boolean;
    }
  | {
      type: 'link';
      source: string;
      target: string;
      open: Open;
      launch: 'key' | 'button';
      relation: LinkRelation;
      relationVia: 'alt' | 'click';
      reverse: boolean;
      note: string;
      order: 'note-first' | 'target-first';
    }
  | { type: 'delete'; target: string; open: Open; via: 'key' | 'button' }
  | { type: 'undo'; via: 'key' | 'button' }
  | { type: 'redo'; via: 'shift-z' | 'y' | 'button' }
  | { type: 'find'; article: number; query: string; start: number; end: number }
  | {
      type: 'scroll';
      how:
        'PageDown' | 'PageUp' | 'Control+End' | 'Control+Home' | 'End' | 'Home' | 'bar' | 'wheel';
      amount: number;
    }
  | { type: 'card'; target: string }
  | { type: 'article'; index: number }
  | { type: 'escape' }
  | { type: 'reload' }
  | { type: 'restart'; note: { target: string; text: string } | null };

export const SPEAKER_NAMES = [
  'Helena Varga',
  'Tom Okafor',
  'Priya Raman',
  'Anais Dubois',
  'Rex Tillerson',
  'H R McMaster',
  'Washington Post',
  'Sean Spicer',
  'Sergey Lavrov',
  'Marta Kowalski',
  'Ibrahim Haddad',
  'Julia Brennan',
];

const NOTE_WORDS =
  'check the original transcript figures from the ministry differ source asked twice denies only part of it see the audit earlier statement contradicts later remarks'.split(
    ' ',
  );

function sentence(rng: Rng, min = 3, max = 12): string {
  const n = min + rng.int(max - min + 1);
  const words = Array.from({ length: n }, () => rng.pick(NOTE_WORDS));
  const s = words.join(' ');
  return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
}

/** Does typing `typed` list this speaker (the picker's rule: prefix, word prefixes, or substring)? */
export function typedMatches(name: string, typed: string): boolean {
  const c = foldName(name);
  const q = foldName(typed);
  if (!q) return true;
  const words = c.split(' ');
  return (
    c.startsWith(q) ||
    q.split(' ').every((w) => words.some((x) => x.startsWith(w))) ||
    c.includes(q)
  );
}

function speakerChoice(rng: Rng, model: Model, hasSpeaker: boolean): SpeakerChoice {
  const existing = model.state.speakers;
  const unused = SPEAKER_NAMES.filter(
    (n) => !existing.includes(n) && !existing.some((e) => typedMatches(e, n) || typedMatches(n, e)),
  );
  const how = rng.weighted({
    leave: 3,
    'enter-empty': existing.length ? 3 : 1,
    new: unused.length ? 4 : 0,
    type: existing.length ? 4 : 0,
    arrows: existing.length ? 2 : 0,
    clear: hasSpeaker ? 1 : 0,
  });
  if (how === 'new')
    return { how, name: rng.pick(unused), confirm: rng.chance(0.7) ? 'enter' : 'click' };
  if (how === 'type' || how === 'arrows') {
    const name = rng.pick(existing);
    if (how === 'arrows') return { how, name };
    const last = name.split(' ').pop()!;
    const typed = rng.chance(0.5)
      ? name
      : last.slice(0, Math.max(3, Math.min(last.length, 3 + rng.int(4))));
    return { how, name, typed, confirm: rng.chance(0.6) ? 'enter' : 'click' };
  }
  if (how === 'enter-empty' || how === 'clear') return { how };
  return { how: 'leave' };
}

/** Is a speaker choice still meaningful with the speakers the model has now? */
export function speakerChoiceApplies(model: Model, c: SpeakerChoice): boolean {
  const names = model.state.speakers;
  if (c.how === 'arrows') return names.includes(c.name);
  if (c.how === 'type')
    return names.includes(c.name) && names.filter((n) => typedMatches(n, c.typed)).length === 1;
  if (c.how === 'new') return !names.some((n) => typedMatches(n, c.name));
  return true;
}

function select(rng: Rng, model: Model, article: number): Select | null {
  const art = model.articles[article]!;
  const how = rng.weighted({ drag: 4, find: 3, arrows: 2, sentence: 2, quotation: 1 });
  if (how === 'drag') {
    const p = pickPassage(rng, art);
    return p && { how, ...p };
  }
  if (how === 'find') {
    const q = pickUniqueQuery(rng, art);
    return q && { how, ...q, key: rng.chance(0.7) ? 'ctrl-f' : 'slash' };
  }
  if (how === 'quotation') {
    const qs = quotations(art);
    if (!qs.length) return null;
    const inner = rng.pick(qs);
    const q = pickUniqueQuery(rng, art, inner);
    if (!q || !quotationAround(art.text, q.start)) return null;
    return { how, query: q.query, caret: q.start };
  }
  const q = pickUniqueQuery(rng, art);
  if (!q) return null;
  if (how === 'sentence')
    return sentenceAround(art.text, q.start) ? { how, query: q.query, caret: q.start } : null;
  const seg = art.segments.find((s) => s.start <= q.start && q.start < s.end)!;
  const n = Math.min(seg.end - q.start, 4 + rng.int(28));
  return n > 0 ? { how, query: q.query, caret: q.start, n } : null;
}

/** The canonical span a selection should give (before the app trims white space), or null. */
export function selectedSpan(
  model: Model,
  article: number,
  s: Select,
): { start: number; end: number } | null {
  const text = model.articles[article]!.text;
  switch (s.how) {
    case 'drag':
    case 'find':
      return { start: s.start, end: s.end };
    case 'arrows':
      return { start: s.caret, end: s.caret + s.n };
    case 'sentence':
      return sentenceAround(text, s.caret);
    case 'quotation':
      return quotationAround(text, s.caret);
  }
}

/** Draw the next action for the model as it stands. */
export function generateAction(rng: Rng, model: Model, opts: { restarts: boolean }): Action {
  const anns = model.state.annotations;
  const claims = anns.filter((a) => a.kind === 'claim');
  for (;;) {
    const type = rng.weighted({
      mark: anns.length < 6 ? 30 : 18,
      speaker: anns.length ? 6 : 0,
      note: anns.length ? 6 : 0,
      verdict: claims.length ? 6 : 0,
      link: anns.length >= 2 ? 8 : 0,
      delete: anns.length ? 3 : 0,
      undo: 6,
      redo: 3,
      find: 4,
      scroll: 14,
      card: anns.length ? 5 : 0,
      article: 3,
      escape: 4,
      reload: 2,
      restart: opts.restarts ? 2 : 0,
    });
    const open = (): Open => rng.weighted({ goto: 3, card: 2, highlight: 2 });
    const close = rng.chance(0.5);
    const target = () => rng.pick(anns).handle;
    switch (type) {
      case 'mark': {
        const article = rng.chance(0.35) ? 0 : 1;
        const s = select(rng, model, article);
        if (!s) continue;
        const span = selectedSpan(model, article, s);
        if (!span) continue;
        const kind = rng.pick(ANNOTATION_KINDS);
        return {
          type,
          article,
          handle: model.newHandle(),
          kind,
          select: s,
          via: rng.chance(0.7) ? 'key' : 'toolbar',
          speaker: speakerChoice(rng, model, false),
          close,
        };
      }
      case 'speaker': {
        const t = target();
        return {
          type,
          target: t,
          open: open(),
          speaker: speakerChoice(rng, model, !!model.get(t)?.speaker),
          close,
        };
      }
      case 'note':
        return {
          type,
          target: target(),
          open: open(),
          note: rng.chance(0.15) ? '' : sentence(rng),
          commit: rng.chance(0.6) ? 'tab' : 'ctrl-enter',
          close,
        };
      case 'verdict': {
        const t = rng.pick(claims);
        return {
          type,
          target: t.handle,
          open: open(),
          stepId: t.verdict && rng.chance(0.15) ? null : rng.pick(STEP_IDS),
          rationale: rng.chance(0.2) ? '' : sentence(rng, 6, 20),
          launch: rng.chance(0.5) ? 'key' : 'button',
          save: rng.chance(0.5) ? 'ctrl-enter' : 'button',
          close,
        };
      }
      case 'link': {
        const source = target();
        const others = anns.filter((a) => a.handle !== source);
        return {
          type,
          source,
          target: rng.pick(others).handle,
          open: open(),
          launch: rng.chance(0.5) ? 'key' : 'button',
          relation: rng.pick(LINK_RELATIONS),
          relationVia: rng.chance(0.5) ? 'alt' : 'click',
          reverse: rng.chance(0.2),
          note: rng.chance(0.3) ? '' : sentence(rng, 3, 8),
          order: rng.chance(0.5) ? 'note-first' : 'target-first',
        };
      }
      case 'delete':
        return { type, target: target(), open: open(), via: rng.chance(0.5) ? 'key' : 'button' };
      case 'undo':
        return { type, via: rng.chance(0.6) ? 'key' : 'button' };
      case 'redo':
        return { type, via: rng.pick(['shift-z', 'y', 'button'] as const) };
      case 'find': {
        const article = model.openArticle;
        const q = pickUniqueQuery(rng, model.articles[article]!);
        if (!q) continue;
        return { type, article, ...q };
      }
      case 'scroll': {
        const how = rng.weighted({
          PageDown: 3,
          PageUp: 2,
          'Control+End': 2,
          'Control+Home': 1,
          End: 1,
          Home: 1,
          bar: 4,
          wheel: 3,
        });
        const amount =
          how === 'bar'
            ? Math.round(rng.float() * 100) / 100
            : how === 'wheel'
              ? (rng.chance(0.5) ? 1 : -1) * (200 + rng.int(2400))
              : 1;
        return { type, how, amount };
      }
      case 'card':
        return { type, target: target() };
      case 'article':
        return { type, index: model.openArticle === 0 ? 1 : 0 };
      case 'escape':
        return { type };
      case 'reload':
        return { type };
      case 'restart':
        return {
          type,
          note: anns.length && rng.chance(0.6) ? { target: target(), text: sentence(rng) } : null,
        };
    }
  }
}

/** Whether an action still applies to the model (false: skipped when a shrunk sequence replays). */
export function applicable(model: Model, a: Action): boolean {
  const has = (h: string) => !!model.get(h);
  switch (a.type) {
    case 'mark': {
      const span = selectedSpan(model, a.article, a.select);
      return (
        !!span &&
        !model.get(a.handle) &&
        speakerChoiceApplies(model, a.speaker) &&
        !model.state.annotations.some(
          (x) =>
            x.article === a.article &&
            x.kind === a.kind &&
            x.start === span.start &&
            x.end === span.end,
        )
      );
    }
    case 'speaker':
      return has(a.target) && speakerChoiceApplies(model, a.speaker);
    case 'note':
    case 'delete':
    case 'card':
      return has(a.target);
    case 'verdict':
      return model.get(a.target)?.kind === 'claim';
    case 'link':
      return has(a.source) && has(a.target) && a.source !== a.target;
    case 'restart':
      return !a.note || has(a.note.target);
    default:
      return true;
  }
}

/** One line per action, for the failure report. */
export function describe(model: Model, a: Action): string {
  const q = (h: string) => {
    const x = model.get(h);
    return x ? `${h} (${x.kind} “${short(model.quote(x))}”)` : h;
  };
  switch (a.type) {
    case 'mark':
      return `mark ${a.handle} as ${a.kind} by ${a.via} in article ${a.article + 1}, selected by ${describeSelect(a.select)}; speaker: ${describeSpeaker(a.speaker)}${a.close ? '; Escape' : ''}`;
    case 'speaker':
      return `speaker of ${q(a.target)} (opened by ${a.open}): ${describeSpeaker(a.speaker)}`;
    case 'note':
      return `note on ${q(a.target)} (opened by ${a.open}): “${a.note}”, committed by ${a.commit}`;
    case 'verdict':
      return `verdict on ${q(a.target)} (opened by ${a.open}, ${a.launch}): ${a.stepId ?? 'clear'}${a.rationale ? ` “${short(a.rationale)}”` : ''}, saved by ${a.save}`;
    case 'link':
      return `link ${q(a.source)} ${a.reverse ? '(reversed) ' : ''}${a.relation} ${q(a.target)}, note “${a.note}” ${a.order}, relation by ${a.relationVia}, picker by ${a.launch}`;
    case 'delete':
      return `delete ${q(a.target)} by ${a.via}`;
    case 'undo':
    case 'redo':
      return `${a.type} by ${a.via}`;
    case 'find':
      return `find “${a.query}” in article ${a.article + 1}`;
    case 'scroll':
      return `scroll: ${a.how}${a.how === 'bar' ? ` to ${Math.round(a.amount * 100)}%` : a.how === 'wheel' ? ` ${a.amount}px` : ''}`;
    case 'card':
      return `click the card of ${q(a.target)}`;
    case 'article':
      return `switch to article ${a.index + 1}`;
    case 'escape':
      return 'Escape';
    case 'reload':
      return 'reload the page and reopen the session';
    case 'restart':
      return `restart the host${a.note ? `, writing a note on ${q(a.note.target)} while it is down` : ''}`;
  }
}

function describeSelect(s: Select): string {
  switch (s.how) {
    case 'drag':
      return `mouse drag [${s.start}, ${s.end})`;
    case 'find':
      return `Find (${s.key}) “${s.query}”`;
    case 'arrows':
      return `Find “${s.query}”, ←, Shift+→ ×${s.n}`;
    case 'sentence':
      return `Find “${s.query}”, ←, S`;
    case 'quotation':
      return `Find “${s.query}”, ←, Q`;
  }
}

function describeSpeaker(c: SpeakerChoice): string {
  switch (c.how) {
    case 'leave':
      return 'Escape';
    case 'enter-empty':
      return 'Enter without choosing';
    case 'new':
      return `type new “${c.name}”, ${c.confirm}`;
    case 'type':
      return `type “${c.typed}” for ${c.name}, ${c.confirm}`;
    case 'arrows':
      return `↓ to ${c.name}, Enter`;
    case 'clear':
      return 'No speaker';
  }
}

function short(s: string, n = 48): string {
  const t = s.replace(/\s+/g, ' ');
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
}
