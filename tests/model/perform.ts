/**
 * Do one action in the app and the same in the model. The model changes by
 * the reviewer's intent (what was asked for), never by what the app did; the
 * checks afterwards compare the two.
 */
import { RELATION_LABELS, LINK_RELATIONS } from '../../shared/model/vocabulary';
import { trimRange } from '../../shared/review/annotation-edits';
import { selectedSpan, type Action, type SpeakerChoice } from './actions';
import {
  chooseSpeaker,
  clickCard,
  closeDetail,
  ensureArticle,
  findAndSelect,
  focusArticle,
  makeSelection,
  markSelection,
  nextFrame,
  openDetail,
  openSessionFromList,
  pickOption,
  settleScroll,
  StepFailure,
  typeInto,
  waitSaved,
  type Ctx,
} from './driver';
import { STEP_LABELS, type Model } from './model';

const WAIT = 15_000;

/** What a speaker choice does to an annotation's speaker in the model (undefined: nothing changes). */
function speakerAfter(c: SpeakerChoice, current: string | null): string | null | undefined {
  switch (c.how) {
    case 'new':
    case 'type':
    case 'arrows':
      return c.name;
    case 'clear':
      return current === null ? undefined : null;
    default:
      return undefined;
  }
}

function setSpeakerInModel(model: Model, handle: string, c: SpeakerChoice): void {
  const a = model.get(handle);
  if (!a) return;
  const next = speakerAfter(c, a.speaker);
  if (next === undefined) return;
  model.change((s) => {
    if (next !== null && !s.speakers.includes(next)) s.speakers.push(next);
    s.annotations.find((x) => x.handle === handle)!.speaker = next;
  });
}

let made = 0;

/** Perform one action. Returns a note when it was skipped (a missed drag), else null. */
export async function perform(ctx: Ctx, a: Action): Promise<string | null> {
  const { page, model } = ctx;
  switch (a.type) {
    case 'mark': {
      await ensureArticle(ctx, a.article);
      const art = model.articles[a.article]!;
      const span = selectedSpan(model, a.article, a.select)!;
      const ok = await makeSelection(ctx, a.select, art.text.slice(span.start, span.end));
      if (!ok) {
        await page.keyboard.press('Escape');
        return 'the drag did not select the passage exactly; nothing marked';
      }
      const t = trimRange(art.text, span.start, span.end)!;
      await markSelection(ctx, a.kind, a.via);
      model.change((s) =>
        s.annotations.push({
          handle: a.handle,
          article: a.article,
          kind: a.kind,
          start: t.start,
          end: t.end,
          speaker: null,
          note: '',
          verdict: null,
          made: made++,
        }),
      );
      await chooseSpeaker(ctx, a.speaker);
      setSpeakerInModel(model, a.handle, a.speaker);
      if (a.close) await closeDetail(ctx);
      return null;
    }
    case 'speaker': {
      await openDetail(ctx, a.target, a.open);
      const c =
        a.speaker.how === 'clear' && !model.get(a.target)!.speaker
          ? { how: 'leave' as const }
          : a.speaker;
      await page.locator('#speaker-input').click();
      await chooseSpeaker(ctx, c);
      setSpeakerInModel(model, a.target, c);
      if (a.close) await closeDetail(ctx);
      return null;
    }
    case 'note': {
      await openDetail(ctx, a.target, a.open);
      const field = page
        .getByTestId('annotation-detail')
        .getByRole('textbox', { name: 'Note', exact: true });
      await typeInto(ctx, field, a.note);
      await page.keyboard.press(a.commit === 'tab' ? 'Tab' : 'Control+Enter');
      if (model.get(a.target)!.note !== a.note)
        model.change((s) => void (s.annotations.find((x) => x.handle === a.target)!.note = a.note));
      if (a.close) await closeDetail(ctx);
      return null;
    }
    case 'verdict': {
      await openDetail(ctx, a.target, a.open);
      const detail = page.getByTestId('annotation-detail');
      const current = model.get(a.target)!.verdict;
      if (a.launch === 'key') {
        await focusArticle(ctx);
        await page.keyboard.press('v');
      } else {
        await detail.getByRole('button', { name: /^(Set|Change) verdict$/ }).click();
      }
      const form = detail.getByRole('form', { name: 'Verdict' });
      await form.waitFor({ timeout: WAIT });
      if (a.stepId === null) {
        if (current) {
          await form.getByRole('button', { name: 'Clear verdict' }).click();
          model.change(
            (s) => void (s.annotations.find((x) => x.handle === a.target)!.verdict = null),
          );
        } else await form.getByRole('button', { name: 'Cancel' }).click();
      } else {
        await form.getByRole('radio', { name: STEP_LABELS.get(a.stepId)!, exact: true }).click();
        await typeInto(ctx, form.getByRole('textbox', { name: 'Rationale' }), a.rationale);
        if (a.save === 'ctrl-enter') await page.keyboard.press('Control+Enter');
        else await form.getByRole('button', { name: 'Save verdict' }).click();
        const next = { stepId: a.stepId, rationale: a.rationale };
        if (current?.stepId !== next.stepId || current.rationale !== next.rationale)
          model.change(
            (s) => void (s.annotations.find((x) => x.handle === a.target)!.verdict = next),
          );
      }
      await form.waitFor({ state: 'detached', timeout: WAIT });
      if (a.close) await closeDetail(ctx);
      return null;
    }
    case 'link': {
      await openDetail(ctx, a.source, a.open);
      if (a.launch === 'key') {
        await focusArticle(ctx);
        await page.keyboard.press('l');
      } else {
        await page
          .getByTestId('annotation-detail')
          .getByRole('button', { name: 'Link to…' })
          .click();
      }
      const dialog = page.getByRole('dialog', { name: 'Link to another annotation' });
      await dialog.waitFor({ timeout: WAIT });
      const index = LINK_RELATIONS.indexOf(a.relation);
      if (a.relationVia === 'alt') await page.keyboard.press(`Alt+${index + 1}`);
      else await dialog.locator('label.relation-option').nth(index).click();
      if (a.reverse) await page.keyboard.press('Alt+r');
      const noteField = dialog.getByRole('textbox', { name: 'Note on the link (optional)' });
      if (a.order === 'note-first' && a.note) await typeInto(ctx, noteField, a.note);
      const target = model.get(a.target)!;
      const words = model
        .quote(target)
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .trim()
        .split(' ')
        .slice(0, 6)
        .join(' ');
      await typeInto(ctx, dialog.getByRole('combobox'), words);
      await pickOption(ctx, dialog, target);
      await nextFrame(ctx);
      // Where choosing the target does not link at once, the reviewer finishes and confirms.
      if (await dialog.isVisible()) {
        if (a.order === 'target-first' && a.note) await typeInto(ctx, noteField, a.note);
        await dialog.getByRole('button', { name: /^Link/ }).click();
      }
      const from = a.reverse ? a.target : a.source;
      const to = a.reverse ? a.source : a.target;
      if (model.isDuplicateLink(from, to, a.relation)) {
        // Refused in words; the picker stays open for another choice: close it.
        await page
          .getByTestId('notice')
          .filter({ hasText: RELATION_LABELS[a.relation] })
          .first()
          .waitFor({ timeout: WAIT });
        if (await dialog.isVisible()) await page.keyboard.press('Escape');
      } else {
        model.change((s) => void s.links.push({ from, to, relation: a.relation, note: a.note }));
      }
      await dialog.waitFor({ state: 'detached', timeout: WAIT });
      return null;
    }
    case 'delete': {
      await openDetail(ctx, a.target, a.open);
      if (a.via === 'key') {
        await focusArticle(ctx);
        await page.keyboard.press('Delete');
      } else {
        await page
          .getByTestId('annotation-detail')
          .getByRole('button', { name: 'Delete annotation' })
          .click();
      }
      const confirm = page.getByRole('button', { name: 'Delete annotation and links' });
      if (model.state.links.some((l) => l.from === a.target || l.to === a.target))
        await confirm.click();
      model.change((s) => {
        s.annotations = s.annotations.filter((x) => x.handle !== a.target);
        s.links = s.links.filter((l) => l.from !== a.target && l.to !== a.target);
      });
      await page.getByTestId('annotation-detail').waitFor({ state: 'detached', timeout: WAIT });
      return null;
    }
    case 'undo':
    case 'redo': {
      const can = a.type === 'undo' ? model.undoStack.length > 0 : model.redoStack.length > 0;
      if (a.via === 'button') {
        const button = page
          .locator('.session-bar')
          .getByRole('button', { name: a.type === 'undo' ? /^Undo/ : /^Redo/ });
        if (!can) return `nothing to ${a.type}: the button is left alone`;
        await button.click();
      } else {
        await focusArticle(ctx);
        await page.keyboard.press(
          a.type === 'undo' ? 'Control+z' : a.via === 'y' ? 'Control+y' : 'Control+Shift+z',
        );
      }
      if (a.type === 'undo') model.undo();
      else model.redo();
      return null;
    }
    case 'find':
      await ensureArticle(ctx, a.article);
      await findAndSelect(ctx, a.query);
      await settleScroll(ctx);
      return null;
    case 'scroll': {
      if (a.how === 'bar') {
        // As a drag of the scrollbar's thumb: a few jumps of the scroll position.
        await page.evaluate(async (to) => {
          const el = document.querySelector('.article-scroll') as HTMLElement;
          const goal = to * (el.scrollHeight - el.clientHeight);
          const from = el.scrollTop;
          for (const f of [0.34, 0.67, 1]) {
            el.scrollTop = from + (goal - from) * f;
            await new Promise((r) => requestAnimationFrame(r));
          }
        }, a.amount);
      } else if (a.how === 'wheel') {
        const box = await page.getByTestId('article-scroll').boundingBox();
        if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.wheel(0, a.amount);
      } else {
        await focusArticle(ctx);
        await page.keyboard.press(a.how);
      }
      await settleScroll(ctx);
      return null;
    }
    case 'card':
      await clickCard(ctx, model.get(a.target)!);
      return null;
    case 'article':
      await ensureArticle(ctx, a.index);
      return null;
    case 'escape':
      await focusArticle(ctx);
      await page.keyboard.press('Escape');
      return null;
    case 'reload': {
      const problem = await waitSaved(ctx);
      if (problem) throw new StepFailure('stored', `before the reload, ${problem}`);
      await page.reload();
      await openSessionFromList(ctx);
      model.forgetHistory();
      return null;
    }
    case 'restart': {
      if (a.note) await openDetail(ctx, a.note.target, 'goto');
      await ctx.host.stop();
      if (a.note) {
        const field = page
          .getByTestId('annotation-detail')
          .getByRole('textbox', { name: 'Note', exact: true });
        await typeInto(ctx, field, a.note.text);
        await page.keyboard.press('Tab');
        const target = a.note.target;
        const text = a.note.text;
        if (model.get(target)!.note !== text)
          model.change((s) => void (s.annotations.find((x) => x.handle === target)!.note = text));
      }
      ctx.host = await ctx.restartHost();
      const problem = await waitSaved(ctx, 90_000);
      if (problem) throw new StepFailure('stored', `after the host restarted, ${problem}`);
      return null;
    }
  }
}

/** Throw when an element the step needs is not there (used by the runner for clear messages). */
export function assertNever(x: never): never {
  throw new StepFailure('harness', `unknown action ${JSON.stringify(x)}`);
}
