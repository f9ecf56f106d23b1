/** Part 2, one case: one member describes a de-identified situation and a question; each
 * of the others answers once, in three reflective parts; the presenter marks answers that
 * helped. */
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';

import { POST_LIMITS } from './limits';
import { useDraft } from '../../lib/drafts';
import { TextField } from '../../ui/field';
import { type MemberRef, type PostView, type Waiting, queueHelpful, queuePost } from './data';
import { PostItem, WaitingNote, WhoPosted } from './PostList';

function CaseForm({ roundId, waiting }: { roundId: string; waiting: Waiting | undefined }): JSX.Element {
  const draft = useDraft(`circle-case-${roundId}`, { situation: '', question: '' });
  const { situation, question } = draft.value;
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (waiting) return <WaitingNote />;

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    const problems: Record<string, string> = {};
    if (!situation.trim()) problems.situation = 'Describe the situation in a few sentences.';
    if (!question.trim()) problems.question = 'Write the question you would like help with.';
    setErrors(problems);
    if (Object.keys(problems).length) {
      document.getElementById(problems.situation ? 'case-situation' : 'case-question')?.focus();
      return;
    }
    if (!(await queuePost({ kind: 'case', round_id: roundId, situation: situation.trim(), question: question.trim() })))
      return;
    await draft.clear();
  }

  return (
    <form noValidate onSubmit={(e) => void save(e)} data-testid="case-form">
      <p class="hint">Leave out names and anything that could identify a patient, client or student.</p>
      <TextField
        id="case-situation"
        label="The situation"
        value={situation}
        onInput={(value) => draft.set({ ...draft.value, situation: value })}
        maxLength={POST_LIMITS.situation}
        multiline
        required
        error={errors.situation}
      />
      <TextField
        id="case-question"
        label="What you'd like help with"
        value={question}
        onInput={(value) => draft.set({ ...draft.value, question: value })}
        maxLength={POST_LIMITS.caseQuestion}
        required
        error={errors.question}
      />
      <button type="submit" data-testid="case-post">
        Bring this case
      </button>
    </form>
  );
}

function AnswerForm({ roundId, waiting }: { roundId: string; waiting: Waiting | undefined }): JSX.Element {
  const draft = useDraft(`circle-answer-${roundId}`, { noticed: '', question: '', mightTry: '' });
  const { noticed, question, mightTry } = draft.value;
  const [error, setError] = useState('');
  if (waiting) return <WaitingNote />;

  async function save(event: Event): Promise<void> {
    event.preventDefault();
    if (!noticed.trim() && !question.trim() && !mightTry.trim()) {
      setError('Write at least one part of your answer.');
      document.getElementById('answer-noticed')?.focus();
      return;
    }
    if (
      !(await queuePost({
        kind: 'answer',
        round_id: roundId,
        noticed: noticed.trim(),
        question: question.trim(),
        might_try: mightTry.trim(),
      }))
    )
      return;
    await draft.clear();
  }

  return (
    <form noValidate onSubmit={(e) => void save(e)} data-testid="answer-form">
      <h3>Your answer</h3>
      <p class="hint">Reflect rather than advise: any one part is enough.</p>
      <TextField
        id="answer-noticed"
        label="What I noticed"
        value={noticed}
        onInput={(value) => draft.set({ ...draft.value, noticed: value })}
        maxLength={POST_LIMITS.noticed}
        multiline
        error={error}
      />
      <TextField
        id="answer-question"
        label="A question that might help"
        value={question}
        onInput={(value) => draft.set({ ...draft.value, question: value })}
        maxLength={POST_LIMITS.answerQuestion}
        multiline
      />
      <TextField
        id="answer-might-try"
        label="What I might try"
        value={mightTry}
        onInput={(value) => draft.set({ ...draft.value, mightTry: value })}
        maxLength={POST_LIMITS.might_try}
        multiline
      />
      <button type="submit" data-testid="answer-post">
        Send my answer
      </button>
    </form>
  );
}

export function CasePart({
  roundId,
  posts,
  waiting,
  pick,
  me,
}: {
  roundId: string;
  posts: PostView[];
  waiting: Waiting[];
  pick: MemberRef | null;
  me: number;
}): JSX.Element {
  const theCase = posts.find((p) => p.kind === 'case');
  const answers = posts.filter((p) => p.kind === 'answer');
  const presenting = theCase?.mine ?? false;
  const answered = answers.some((a) => a.mine);
  const waitingCase = waiting.find((w) => w.body.kind === 'case');
  const waitingAnswer = waiting.find((w) => w.body.kind === 'answer');
  return (
    <section class="card part" aria-labelledby="part-case">
      <h2 id="part-case">2. One case</h2>
      {theCase ? (
        <>
          <ul class="list">
            <PostItem post={theCase}>
              <p class="case-situation">{theCase.situation}</p>
              <p>
                <strong>The question:</strong> {theCase.question}
              </p>
            </PostItem>
          </ul>
          <h3>Answers</h3>
          <WhoPosted part="answers" names={answers.map((a) => (a.mine ? 'you' : a.author.name))} />
          <ul class="list">
            {answers.map((answer) => (
              <PostItem key={answer.id} post={answer}>
                {answer.noticed && (
                  <p>
                    <strong>What I noticed:</strong> {answer.noticed}
                  </p>
                )}
                {answer.question && (
                  <p>
                    <strong>A question that might help:</strong> {answer.question}
                  </p>
                )}
                {answer.might_try && (
                  <p>
                    <strong>What I might try:</strong> {answer.might_try}
                  </p>
                )}
                {presenting ? (
                  <button
                    type="button"
                    class={answer.helpful ? '' : 'secondary'}
                    aria-pressed={answer.helpful}
                    onClick={() => void queueHelpful(answer.id, !answer.helpful)}
                    data-testid="mark-helpful"
                  >
                    Helpful<span class="visually-hidden"> (answer from {answer.author.name})</span>
                  </button>
                ) : (
                  answer.helpful && (
                    <p class="saved-note" data-testid="helpful">
                      Marked helpful
                    </p>
                  )
                )}
              </PostItem>
            ))}
          </ul>
          {!presenting && !answered && <AnswerForm roundId={roundId} waiting={waitingAnswer} />}
        </>
      ) : pick && pick.id !== me ? (
        <p data-testid="case-picked">The facilitator asked {pick.name} to bring this round's case.</p>
      ) : (
        <>
          <p>
            {pick
              ? "The facilitator asked you to bring this round's case."
              : 'Would you like to bring a situation from your shifts? One case a round.'}
          </p>
          <CaseForm roundId={roundId} waiting={waitingCase} />
        </>
      )}
    </section>
  );
}
