import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  buildDisputeModel,
  compareByPosition,
  filterDisputeModel,
  isEmptyFilter,
  sessionTags,
  type DisputeFilter,
  type DisputeModel,
} from '../../../shared/review/dispute-cards';
import { applyOps } from '../../../shared/session/session-ops';
import { editAnnotation, markPassage } from '../../../shared/review/annotation-edits';
import { buildSeedReview, SEED_REVIEW } from '../../helpers/review-by-edits';
import { spanOf } from '../../helpers/seed-session';
import { buildBenchSession, generateArticleText } from '../../bench/corpus';
import type { Annotation, Link, Session, Speaker } from '../../../shared/model/session';
import { LINK_RELATIONS, RELATION_LABELS } from '../../../shared/model/vocabulary';

const NOW = '2024-05-01T12:00:00.000Z';

const allCards = (m: DisputeModel) => m.cards(0, m.claims.length);

describe('buildDisputeModel', () => {
  it('makes one card for the seed claim with its statements grouped by relation', () => {
    const { session, ids } = buildSeedReview();
    const m = buildDisputeModel(session);
    expect(m.claims).toHaveLength(1);
    const card = m.cards(0, 1)[0]!;
    expect(m.card(card.claim)).toBe(card);
    expect(card.claim.id).toBe(ids.claim);
    expect(card.speaker?.name).toBe('The Washington Post');
    expect(card.verdict?.label).toBe('Mostly true');
    expect(card.answered).toBe(true);
    expect(
      card.groups.map((g) => [g.label, g.statements.map((s) => s.annotation.target.quote.exact)]),
    ).toEqual([
      ['contradicts', [SEED_REVIEW.falseStory]],
      ['supports', [SEED_REVIEW.tweet]],
      ['partially addresses', [SEED_REVIEW.noTime, SEED_REVIEW.tillerson]],
    ]);
    expect(card.groups[0]!.statements[0]).toMatchObject({
      direction: 'outgoing',
      speaker: { name: 'H R McMaster' },
    });
    expect(m.unlinked).toEqual([]);
    expect(m.orphans).toEqual([]);
  });

  it('lists unlinked statements and orphans apart', () => {
    const { session } = buildSeedReview();
    const art = session.articles[0]!;
    const ctx = markPassage(
      session,
      { articleId: art.id, ...spanOf(art, 'On Tuesday'), kind: 'context' },
      NOW,
    );
    if (!ctx.ok) throw new Error(ctx.message);
    const orphan = {
      ...ctx.annotation,
      id: 'orph',
      target: { ...ctx.annotation.target, status: 'orphaned' as const },
    };
    const r = applyOps(session, [...ctx.ops, { op: 'annotation.put', annotation: orphan }], NOW);
    if (!r.ok) throw new Error(r.problems.join());
    const m = buildDisputeModel(r.session);
    expect(m.unlinked.map((a) => a.id)).toEqual([ctx.annotation.id]);
    expect(m.orphans.map((a) => a.id)).toEqual(['orph']);
  });
});

describe('filterDisputeModel', () => {
  const { session, ids } = buildSeedReview();
  const tillersonSpeaker = session.speakers.find((s) => s.name === 'Rex Tillerson')!.id;
  const tagged = (() => {
    const e = editAnnotation(session, ids.tweet, { tags: ['concession'] }, NOW);
    const r = applyOps(session, e.ok ? e.ops : [], NOW);
    if (!r.ok) throw new Error();
    return r.session;
  })();
  const f = (over: Partial<DisputeFilter>): DisputeFilter => ({ ...EMPTY_FILTER, ...over });
  const statementsOf = (m: ReturnType<typeof buildDisputeModel>) =>
    allCards(m).flatMap((c) => c.groups.flatMap((g) => g.statements.map((s) => s.annotation.id)));

  it.each([
    ['no filter', f({}), 1, 4],
    ['kind evidence keeps only the evidence statement', f({ kinds: ['evidence'] }), 1, 1],
    ['kind context matches nothing', f({ kinds: ['context'] }), 0, 0],
    ['speaker Tillerson', f({ speakerIds: [tillersonSpeaker] }), 1, 1],
    ['verdict mostly-true', f({ verdicts: ['mostly-true'] }), 1, 4],
    ['verdict none', f({ verdicts: ['none'] }), 0, 0],
    ['unanswered only', f({ unansweredOnly: true }), 0, 0],
    ['text "sources"', f({ text: 'SOURCES' }), 1, 2],
    ['kind claim keeps the card whole', f({ kinds: ['claim'] }), 1, 4],
  ])('%s', (_name, filter, cards, statements) => {
    const m = filterDisputeModel(buildDisputeModel(session), filter);
    expect(m.claims).toHaveLength(cards);
    expect(allCards(m)).toHaveLength(cards);
    expect(statementsOf(m)).toHaveLength(statements);
  });

  it('filters by tag, ignoring case', () => {
    const m = filterDisputeModel(buildDisputeModel(tagged), f({ tags: ['Concession'] }));
    expect(statementsOf(m)).toEqual([ids.tweet]);
    expect(sessionTags(tagged)).toEqual(['concession']);
  });

  it('finds a claim with no counter-statement or evidence yet', () => {
    const art = session.articles[0]!;
    const c = markPassage(
      session,
      { articleId: art.id, ...spanOf(art, 'Trump had revealed the city'), kind: 'claim' },
      NOW,
    );
    const r = applyOps(session, c.ok ? c.ops : [], NOW);
    if (!r.ok || !c.ok) throw new Error();
    const m = filterDisputeModel(buildDisputeModel(r.session), f({ unansweredOnly: true }));
    expect(m.claims.map((x) => x.id)).toEqual([c.annotation.id]);
    expect(isEmptyFilter(EMPTY_FILTER)).toBe(true);
    expect(isEmptyFilter(f({ unansweredOnly: true }))).toBe(false);
  });
});

/**
 * The model as it was built before cards became lazy: every card at once. The lazy model must
 * give the same claims, cards, unlinked statements and orphans, filtered or not.
 */
function eagerModel(session: Session) {
  const byId = new Map(session.annotations.map((a) => [a.id, a]));
  const speakers = new Map(session.speakers.map((s) => [s.id, s]));
  const steps = new Map(session.scale.steps.map((s) => [s.id, s]));
  const cmp = compareByPosition(session);
  const sorted = session.annotations.filter((a) => a.target.status !== 'orphaned').sort(cmp);
  const linked = new Set<string>();
  const cards = sorted
    .filter((c) => c.kind === 'claim')
    .map((claim) => {
      const groups = new Map<string, { annotation: Annotation; link: Link }[]>();
      let answered = false;
      for (const link of session.links) {
        if (link.from !== claim.id && link.to !== claim.id) continue;
        const other = byId.get(link.from === claim.id ? link.to : link.from);
        if (!other) continue;
        linked.add(other.id);
        if (other.kind === 'counter-statement' || other.kind === 'evidence') answered = true;
        groups.set(link.relation, [
          ...(groups.get(link.relation) ?? []),
          { annotation: other, link },
        ]);
      }
      return {
        claim,
        speaker: claim.speakerId ? (speakers.get(claim.speakerId) ?? null) : null,
        verdict: claim.verdict ? (steps.get(claim.verdict.stepId) ?? null) : null,
        answered,
        groups: LINK_RELATIONS.filter((r) => groups.has(r)).map((r) => ({
          relation: r,
          label: RELATION_LABELS[r],
          statements: groups
            .get(r)!
            .sort((a, b) => cmp(a.annotation, b.annotation))
            .map(({ annotation, link }) => ({
              annotation,
              speaker: annotation.speakerId ? (speakers.get(annotation.speakerId) ?? null) : null,
              link,
              direction: link.from === annotation.id ? 'outgoing' : 'incoming',
            })),
        })),
      };
    });
  return {
    cards,
    unlinked: sorted.filter((a) => a.kind !== 'claim' && !linked.has(a.id)),
    orphans: session.annotations.filter((a) => a.target.status === 'orphaned').sort(cmp),
  };
}

describe('the lazy dispute model on a long review', () => {
  // 600 annotations of every kind with links, speakers, tags and verdicts; a few links the
  // other way (claim → statement), one between two claims, some claims with no links, and some
  // annotations orphaned.
  const base = buildBenchSession(generateArticleText(80_000), 600);
  const claims = base.annotations.filter((a) => a.kind === 'claim');
  const statements = base.annotations.filter((a) => a.kind !== 'claim');
  const session: Session = {
    ...base,
    annotations: base.annotations.map((a, i) =>
      i % 37 === 5 ? { ...a, target: { ...a.target, status: 'orphaned' as const } } : a,
    ),
    links: [
      // Claims 20 to 29 answered by nothing.
      ...base.links.filter((l) => !claims.slice(20, 30).some((c) => c.id === l.to)),
      ...[0, 1, 2].map((k) => ({
        ...base.links[0]!,
        id: `back-${k}`,
        from: claims[10 + k]!.id,
        to: statements[200 + k * 7]!.id,
        relation: 'supports' as const,
      })),
      { ...base.links[0]!, id: 'claim-claim', from: claims[3]!.id, to: claims[4]!.id },
    ],
  };
  const model = buildDisputeModel(session);
  const eager = eagerModel(session);

  it('has the same claims, cards, unlinked statements and orphans as building every card', () => {
    expect(model.claims.length).toBeGreaterThan(150);
    expect(model.orphans.length).toBeGreaterThan(0);
    expect(eager.cards.some((c) => c.groups.some((g) => g.statements.length > 1))).toBe(true);
    expect(model.claims).toEqual(eager.cards.map((c) => c.claim));
    expect(allCards(model)).toEqual(eager.cards);
    expect(model.unlinked).toEqual(eager.unlinked);
    expect(model.orphans).toEqual(eager.orphans);
    expect(model.claims.map((c) => model.answered(c))).toEqual(eager.cards.map((c) => c.answered));
  });

  it('builds a page of cards on its own, and the same card again for the same claim', () => {
    const fresh = buildDisputeModel(session);
    const page = fresh.cards(150, 160);
    expect(page).toEqual(eager.cards.slice(150, 160));
    expect(fresh.card(fresh.claims[155]!)).toBe(page[5]);
  });

  const speaker = session.speakers[1]!.id;
  it.each([
    ['kind evidence', f({ kinds: ['evidence'] })],
    ['a speaker', f({ speakerIds: [speaker] })],
    ['a tag in another case', f({ tags: ['HEALTH'] })],
    ['no verdict yet', f({ verdicts: ['none'] })],
    ['unanswered only', f({ unansweredOnly: true })],
    ['text', f({ text: 'march' })],
    ['text and kind', f({ text: 'the', kinds: ['counter-statement'] })],
  ])('filters as building every card does: %s', (_name, filter) => {
    const m = filterDisputeModel(model, filter);
    const want = eagerFilter(eager, filter);
    expect(m.claims.length).toBeGreaterThan(0);
    expect(m.claims.length).toBeLessThan(model.claims.length);
    expect(allCards(m)).toEqual(want.cards);
    expect(m.unlinked).toEqual(want.unlinked);
  });
});

function f(over: Partial<DisputeFilter>): DisputeFilter {
  return { ...EMPTY_FILTER, ...over };
}

/** The filter as it was applied to every card. */
function eagerFilter(m: ReturnType<typeof eagerModel>, flt: DisputeFilter) {
  const matches = (a: Annotation, speaker: Speaker | null) => {
    if (flt.kinds.length && !flt.kinds.includes(a.kind)) return false;
    if (flt.speakerIds.length && !(a.speakerId && flt.speakerIds.includes(a.speakerId)))
      return false;
    if (flt.tags.length) {
      const tags = a.tags.map((t) => t.toLowerCase());
      if (!flt.tags.some((t) => tags.includes(t.toLowerCase()))) return false;
    }
    const q = flt.text.trim().toLowerCase();
    const hay = [a.target.quote.exact, a.note, speaker?.name ?? '', ...(speaker?.aliases ?? [])];
    return !q || [...hay, ...a.tags].join('\n').toLowerCase().includes(q);
  };
  const cards = m.cards.flatMap((card) => {
    if (flt.unansweredOnly && card.answered) return [];
    if (flt.verdicts.length && !flt.verdicts.includes(card.claim.verdict?.stepId ?? 'none'))
      return [];
    if (matches(card.claim, card.speaker)) return [card];
    const groups = card.groups
      .map((g) => ({
        ...g,
        statements: g.statements.filter((s) => matches(s.annotation, s.speaker)),
      }))
      .filter((g) => g.statements.length);
    return groups.length ? [{ ...card, groups }] : [];
  });
  const claimOnly = flt.unansweredOnly || flt.verdicts.length > 0;
  return { cards, unlinked: claimOnly ? [] : m.unlinked.filter((a) => matches(a, null)) };
}
