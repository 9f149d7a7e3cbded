import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { suggestSpeakers } from '../../../shared/suggest/speaker-suggest';
import { findNamePhrases } from '../../../shared/suggest/name-phrases';
import type { Speaker } from '../../../shared/model/session';
import { codePointLength } from '../../../shared/text/code-points';
import { SEED_PATH } from '../../helpers/session-fixtures';

const SEED = readFileSync(SEED_PATH, 'utf8');

/** The code-point span of the first `quote` in `text`. */
function span(text: string, quote: string) {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`not in text: ${quote}`);
  const start = codePointLength(text.slice(0, at));
  return { start, end: start + codePointLength(quote) };
}

const ATTRIBUTED: Array<{
  text: string;
  mark: string;
  first: string;
  role?: string;
  org?: string;
}> = [
  {
    text: SEED,
    mark: 'The story is false',
    first: 'H R McMaster',
    role: 'US National Security Advisor',
  },
  {
    text: SEED,
    mark: 'did not discuss sources',
    first: 'Rex Tillerson',
    role: 'Secretary of State',
  },
  { text: SEED, mark: 'jeopardised a critical source', first: 'The Washington Post' },
  {
    text: 'Rex Tillerson arrived in Moscow on Monday. Tillerson said the talks were useful.',
    mark: 'the talks were useful',
    first: 'Rex Tillerson',
  },
  {
    text: '"Hiring is slowing," said Priya Nandakumar, chief economist at Hartwell Advisors.',
    mark: 'Hiring is slowing',
    first: 'Priya Nandakumar',
    role: 'chief economist',
    org: 'Hartwell Advisors',
  },
  {
    text: 'His lawyer, Sara Whitcombe, said her client did nothing wrong.',
    mark: 'did nothing wrong',
    first: 'Sara Whitcombe',
  },
  {
    text: 'Press Briefing by Press Secretary Karine Jean-Pierre\n\nMS. JEAN-PIERRE: The President signed the bill this morning.\n\nQ Thanks, Karine.',
    mark: 'signed the bill',
    first: 'Karine Jean-Pierre',
    role: 'Press Secretary',
  },
  {
    text: 'MR. KIRBY: Thanks, Karine.\n\nSo, two updates. We imposed sanctions on 200 companies on Friday.\n\nQ And China?',
    mark: 'We imposed sanctions',
    first: 'Kirby',
  },
  {
    text: 'FBI Director James Comey was fired on Tuesday. The bureau said he was told by letter.',
    mark: 'was fired on Tuesday',
    first: 'James Comey',
    role: 'Director',
    org: 'FBI',
  },
];

describe('suggestSpeakers: whom the text attributes a span to comes first', () => {
  for (const c of ATTRIBUTED) {
    it(`“${c.mark}” → ${c.first}`, () => {
      const [top] = suggestSpeakers(c.text, span(c.text, c.mark));
      expect(top?.name).toBe(c.first);
      if (c.role !== undefined) expect(top?.role).toBe(c.role);
      if (c.org !== undefined) expect(top?.organisation).toBe(c.org);
    });
  }
});

describe('suggestSpeakers: then the article’s names, then the session’s speakers', () => {
  const existing: Speaker[] = [
    {
      id: 's1',
      name: 'Herbert Raymond McMaster',
      kind: 'person',
      role: '',
      organisation: 'White House',
      aliases: ['H R McMaster'],
    },
    {
      id: 's2',
      name: 'Sean Spicer',
      kind: 'person',
      role: 'Press Secretary',
      organisation: '',
      aliases: [],
    },
  ];
  const out = suggestSpeakers(SEED, span(SEED, 'The story is false'), { speakers: existing });

  it('reuses an existing speaker whose alias matches, keeping its name', () => {
    expect(out[0]).toMatchObject({
      name: 'Herbert Raymond McMaster',
      speakerId: 's1',
      source: 'attributed',
    });
  });
  it('lists the article’s names, each once, with their roles', () => {
    const names = out.filter((s) => s.source === 'article').map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(['Donald Trump', 'Rex Tillerson', 'James Comey', 'Michael Flynn']),
    );
    expect(new Set(names).size).toBe(names.length);
    expect(out.find((s) => s.name === 'Rex Tillerson')?.role).toBe('Secretary of State');
  });
  it('ends with the session’s other speakers', () => {
    expect(out[out.length - 1]).toMatchObject({
      name: 'Sean Spicer',
      source: 'session',
      speakerId: 's2',
    });
  });
});

describe('findNamePhrases', () => {
  const cases: Array<[string, string, string, string, string]> = [
    ['Secretary of State Rex Tillerson said', 'Rex Tillerson', 'person', 'Secretary of State', ''],
    [
      'US National Security Advisor H R McMaster told reporters',
      'H R McMaster',
      'person',
      'US National Security Advisor',
      '',
    ],
    ['a report in The Washington Post on May 15', 'The Washington Post', 'organization', '', ''],
    [
      'Last Friday the Department of Defense announced',
      'Department of Defense',
      'organization',
      '',
      '',
    ],
    [
      'the Russian foreign minister Sergei Lavrov',
      'Sergei Lavrov',
      'person',
      'Russian foreign minister',
      '',
    ],
    ['FBI Director James Comey', 'James Comey', 'person', 'Director', 'FBI'],
  ];
  for (const [text, name, kind, role, org] of cases) {
    it(text, () => {
      const found = findNamePhrases(text).find((p) => p.name === name);
      expect(found).toMatchObject({ name, kind, role, organisation: org });
    });
  }
  it('finds no person in places, times and turn labels', () => {
    const names = findNamePhrases(
      'MR. KIRBY: We met in East Palestine at 2:38 P.M. EST on Monday.',
    ).map((p) => p.name);
    expect(names).toEqual([]);
  });
});
