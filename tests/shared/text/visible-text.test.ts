// Issue 14, attack 2: invisible and direction-changing characters are shown, not obeyed,
// in titles and speakers' names: in the reports (HTML, Markdown, CSV) as in the UI
// (tests/e2e/invisible-characters.spec.ts). Before the fix the reports carried U+202E as it was.
import { describe, expect, it } from 'vitest';
import { hasInvisibles, showInvisibles } from '../../../shared/text/visible-text';
import { renderExport } from '../../../shared/interchange/render-export';
import { buildSeedReview, GENERATED_AT } from '../../helpers/seed-review';

const cases: [name: string, input: string, shown: string][] = [
  ['right-to-left override', 'Price \u202Egnp.exe', 'Price ⟨U+202E⟩gnp.exe'],
  ['left-to-right and right-to-left marks', 'a\u200Eb\u200Fc', 'a⟨U+200E⟩b⟨U+200F⟩c'],
  ['isolates', '\u2066x\u2067y\u2068z\u2069', '⟨U+2066⟩x⟨U+2067⟩y⟨U+2068⟩z⟨U+2069⟩'],
  ['embeddings and pop', '\u202Aa\u202Bb\u202C', '⟨U+202A⟩a⟨U+202B⟩b⟨U+202C⟩'],
  ['zero-width space and no-break space', 'Jo\u200Bhn\uFEFF', 'Jo⟨U+200B⟩hn⟨U+FEFF⟩'],
  ['word joiner and soft hyphen', 'a\u2060b\u00ADc', 'a⟨U+2060⟩b⟨U+00AD⟩c'],
  ['Arabic letter mark', 'x\u061Cy', 'x⟨U+061C⟩y'],
  ['tag characters', 'flag\u{E0067}\u{E007F}', 'flag⟨U+E0067⟩⟨U+E007F⟩'],
  ['a zero-width joiner outside words', ' \u200D ', ' ⟨U+200D⟩ '],
  ['plain text is unchanged', 'Donald J. Trump', 'Donald J. Trump'],
  ['accents and other scripts are unchanged', 'Müller, 习近平, محمد', 'Müller, 习近平, محمد'],
  ['an emoji joined with ZWJ stays', 'family 👨\u200D👩\u200D👧', 'family 👨\u200D👩\u200D👧'],
  ['a ZWNJ inside a Persian word stays', 'می\u200Cخواهم', 'می\u200Cخواهم'],
];

describe('showInvisibles', () => {
  for (const [name, input, shown] of cases) {
    it(name, () => {
      expect(showInvisibles(input)).toBe(shown);
      expect(hasInvisibles(input)).toBe(input !== shown);
    });
  }
});

describe('the reports show invisible characters instead of obeying them', () => {
  const s = buildSeedReview();
  const session = {
    ...s,
    name: 'Check \u202Eelif',
    articles: [
      { ...s.articles[0]!, meta: { ...s.articles[0]!.meta, title: 'Price \u202Egnp.exe' } },
    ],
    speakers: s.speakers.map((sp) => ({ ...sp, name: `\u2067${sp.name}\u2069` })),
  };
  for (const format of ['html', 'md', 'csv'] as const) {
    it(format, async () => {
      const r = await renderExport(session, format, { generatedAt: GENERATED_AT });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.content).not.toMatch(/[\u202E\u2067\u2069]/);
      expect(r.value.content).toContain('Price ⟨U+202E⟩gnp.exe');
      expect(r.value.content).toContain(`⟨U+2067⟩${s.speakers[0]!.name}⟨U+2069⟩`);
    });
  }
});
