/** One summary a peer shared: read it (they see "seen") and answer with a few kind words. */
import { MAX_LENGTH } from '../../lib/api-limits';
import type { JSX } from 'preact';
import { useRoute } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';

import { type Schemas, api, describeError, fieldMessages } from '../../lib/api';
import { focusFirstProblem } from '../../lib/forms';
import { newId } from '../../lib/ids';
import { useSession } from '../../lib/session';
import { TextField } from '../../ui/field';
import { Page } from '../../ui/page';
import { OFFLINE } from './Inbox';
import { Replies } from './Replies';
import { reach } from '../../lib/reach';
import { SignedOut } from './SignedOut';
import { when } from '../../lib/dates';
import { PRESETS, type Preset } from './presets';
import { type Opened, openSummary, sealReply } from './sealing';
import { SummaryCard } from './SummaryCard';

/** The ready-made replies that fit what was shared: no praise for commitments nobody
 * shared (or kept), no call offered to someone who said nothing is needed. */
function fittingPresets(content: Schemas['SummaryContent']): [Preset, string][] {
  return PRESETS.filter(([preset]) => {
    if (preset === 'proud') return (content.commitments?.kept ?? 0) > 0;
    if (preset === 'call') return !content.help?.startsWith('Nothing needed');
    return true;
  });
}

export function Received(): JSX.Element {
  const session = useSession();
  const { params } = useRoute();
  const id = params.id ?? '';
  const [item, setItem] = useState<Schemas['ReceivedView'] | null | undefined>(undefined);
  const [problem, setProblem] = useState('');
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Preset | null>(null);
  const [replyId, setReplyId] = useState(newId);
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [opened, setOpened] = useState<Opened | null>(null);

  async function load(): Promise<void> {
    const { data, response } = await reach(
      api.GET('/api/sharing/inbox/{summary_id}', { params: { path: { summary_id: id } } }),
    );
    if (data) {
      setItem(data);
      try {
        setOpened(await openSummary(data, false));
      } catch (failure) {
        setProblem(failure instanceof Error ? failure.message : "This couldn't be opened safely.");
      }
      if (!data.seen)
        await reach(api.POST('/api/sharing/inbox/{summary_id}/seen', { params: { path: { summary_id: id } } }));
    } else {
      setItem(null);
      setProblem(
        response === undefined
          ? OFFLINE
          : response.status === 404
            ? "This isn't available any more: it may have been taken back. That's all right."
            : "Steady couldn't load this just now.",
      );
    }
  }
  useEffect(() => {
    if (session.status === 'signed_in') void load();
  }, [session.status, id]);

  async function reply(event: Event): Promise<void> {
    event.preventDefault();
    setMessage('');
    if (chosen === null && !text.trim()) {
      setErrors({ text: 'Write a few words, or choose one of the replies.' });
      focusFirstProblem(form.current);
      return;
    }
    let sealed: Schemas['Envelope'];
    try {
      sealed = await sealReply(id, replyId, item!.peer_id, chosen, text.trim());
    } catch (failure) {
      setMessage(failure instanceof Error ? failure.message : "Your reply couldn't be sealed.");
      return;
    }
    const { data, error } = await reach(
      api.PUT('/api/sharing/inbox/{summary_id}/replies/{reply_id}', {
        params: { path: { summary_id: id, reply_id: replyId } },
        body: { sealed, text: '' },
      }),
    );
    setErrors(fieldMessages(error));
    if (!data) {
      setMessage(describeError(error));
      focusFirstProblem(form.current);
      return;
    }
    setText('');
    setChosen(null);
    setReplyId(newId());
    setMessage(`Sent. ${item?.from_name ?? 'They'} will get it.`);
    await load();
  }

  if (session.status !== 'signed_in') return <SignedOut title="Shared with you" next={`/share/inbox/${id}`} />;
  if (!item || !opened) {
    return (
      <Page title="Shared with you">
        <p role="alert" data-testid="received-problem">
          {item === null || problem ? problem : 'Loading…'}
        </p>
        <p>
          <a href="/share/inbox">Back to what was shared with you</a>
        </p>
      </Page>
    );
  }
  return (
    <Page title="Shared with you" heading={`From ${item.from_name}`}>
      <p class="muted">Shared {when(item.created_at)}</p>
      {item.sealed && (
        <p class="muted" data-testid="sealed-note">
          Sealed: only you and {item.from_name} can read this.
        </p>
      )}
      <SummaryCard content={opened.content} />
      <Replies replies={opened.replies} otherName={item.from_name} />
      <section aria-labelledby="reply-heading">
        <h2 id="reply-heading">Reply</h2>
        <form ref={form} onSubmit={(e) => void reply(e)} noValidate>
          <fieldset>
            <legend>Choose a few kind words (nothing is sent until you tap Send)</legend>
            <div class="button-row">
              {fittingPresets(opened.content).map(([preset, words]) => (
                <button
                  type="button"
                  class="secondary"
                  key={preset}
                  aria-pressed={chosen === preset}
                  onClick={() => setChosen(chosen === preset ? null : preset)}
                  data-testid={`reply-${preset}`}
                >
                  {words}
                </button>
              ))}
            </div>
          </fieldset>
          <TextField
            id="text"
            label={chosen ? 'Add a few words of your own (optional)' : 'Or a few words of your own'}
            value={text}
            onInput={(value) => {
              setText(value);
              setErrors({});
            }}
            maxLength={MAX_LENGTH.ReplyWrite.text}
            error={errors.text}
          />
          <button type="submit" data-testid="reply-send">
            Send to {item.from_name}
          </button>
        </form>
        <p role="status" data-testid="reply-status">
          {message}
        </p>
      </section>
    </Page>
  );
}
