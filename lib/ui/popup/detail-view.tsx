/**
 * A record opened from the results: an entity shows its card; a claim its
 * quote, source, date and the other positions on its topic; a person all
 * their claims; a source all its claims and its link; a timeline event its
 * date, what happened, its entities and the claims it rests on. Back returns to the
 * results with the query as it was.
 */
import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Client } from '../../messages';
import { Card } from '../card';
import type { CardData } from '../../corpus/card-model';
import type { ClaimLine, RecordDetail } from '../../corpus/detail-model';
import { formatPartialDate } from '../format';
import { errorMessage } from '../../errors';

export type Opened = { kind: 'entity' | 'claim' | 'person' | 'source' | 'event'; id: string };

export function DetailView({
  ask,
  opened,
  onOpen,
  onBack,
  onSearch,
  theme,
}: {
  ask: Client;
  opened: Opened;
  onOpen(next: Opened): void;
  onBack(): void;
  onSearch(query: string): void;
  theme: 'light' | 'dark';
}) {
  const [data, setData] = useState<{ card: CardData } | { detail: RecordDetail } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setData(null);
    setError(null);
    const done = (value: { card: CardData } | { detail: RecordDetail } | null) =>
      value ? setData(value) : setError('This record is no longer in the corpus.');
    const fail = (e: unknown) => setError(errorMessage(e));
    if (opened.kind === 'entity') ask('getCard', { entityId: opened.id }).then((card) => done(card && { card }), fail);
    else ask('getDetail', { kind: opened.kind, id: opened.id }).then((detail) => done(detail && { detail }), fail);
  }, [opened.kind, opened.id]);

  return (
    <section class="detail" aria-live="polite">
      <button type="button" class="back" onClick={onBack}>
        ← Back to results
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {!data && !error && <p class="empty">Loading…</p>}
      {data && 'card' in data && <Card data={data.card} theme={theme} onClose={onBack} onSearch={onSearch} />}
      {data && 'detail' in data && <RecordView detail={data.detail} onOpen={onOpen} />}
    </section>
  );
}

function RecordView({ detail, onOpen }: { detail: RecordDetail; onOpen(next: Opened): void }) {
  if (detail.kind === 'claim') {
    const { claim, source, topics } = detail;
    return (
      <article class="record" aria-labelledby="record-title">
        <p class="record-kind">Claim</p>
        <h2 id="record-title">{claim.text}</h2>
        <blockquote class="quote">“{claim.quote}”</blockquote>
        <p class="meta">
          {claim.speakers.map((speaker, i) => (
            <Fragment key={speaker.id}>
              {i > 0 && (i === claim.speakers.length - 1 ? ' and ' : ', ')}
              <button type="button" class="link" onClick={() => onOpen({ kind: 'person', id: speaker.id })}>
                {speaker.name}
              </button>
            </Fragment>
          ))}
          {detail.speakerRole ? `, ${detail.speakerRole}` : ''}
          {claim.translation ? ` (${claim.translation})` : ''} ·{' '}
          <button type="button" class="link" onClick={() => onOpen({ kind: 'source', id: source.id })}>
            {source.title}
          </button>{' '}
          ({source.outlet}) · {formatPartialDate(claim.date)}
          {claim.dateInferredFrom ? ' (date inferred)' : ''}
        </p>
        {claim.projectNote && <p class="meta project-note">Project note: {claim.projectNote}</p>}
        <EntityChips entities={detail.entities} onOpen={onOpen} />
        {topics.map((topic, t) => (
          <section key={topic.question} aria-labelledby={`topic-title-${t}`}>
            <h3 id={`topic-title-${t}`}>{topic.question}</h3>
            <ol class="positions">
              {topic.positions.map((p) => (
                <li key={p.id} class={p.isThisClaims ? 'position this' : 'position'}>
                  <strong>{p.label}</strong>
                  {p.isThisClaims && <span class="badge">this claim</span>}
                  <ClaimList claims={p.claims} onOpen={onOpen} compact />
                </li>
              ))}
            </ol>
          </section>
        ))}
      </article>
    );
  }
  if (detail.kind === 'event') {
    const { event } = detail;
    return (
      <article class="record" aria-labelledby="record-title">
        <p class="record-kind">
          Timeline · {formatPartialDate(event.date)}
          {event.endDate ? ` – ${formatPartialDate(event.endDate)}` : ''}
        </p>
        <h2 id="record-title">{event.label}</h2>
        <p>{event.summary}</p>
        <EntityChips entities={detail.entities} onOpen={onOpen} />
        <h3>
          {detail.claims.length} claim{detail.claims.length === 1 ? '' : 's'}
        </h3>
        <ClaimList claims={detail.claims} onOpen={onOpen} />
      </article>
    );
  }
  if (detail.kind === 'person') {
    return (
      <article class="record" aria-labelledby="record-title">
        <p class="record-kind">{detail.person.kind}</p>
        <h2 id="record-title">{detail.person.name}</h2>
        <p class="meta">{detail.person.role}</p>
        <h3>
          {detail.claims.length} claim{detail.claims.length === 1 ? '' : 's'}
        </h3>
        <ClaimList claims={detail.claims} onOpen={onOpen} />
      </article>
    );
  }
  const { source } = detail;
  return (
    <article class="record" aria-labelledby="record-title">
      <p class="record-kind">Source</p>
      <h2 id="record-title">{source.title}</h2>
      <p class="meta">
        {source.outlet}
        {source.author ? ` · ${source.author}` : ''} · {formatPartialDate(source.date)}
        {source.dateInferredFrom ? ' (date inferred)' : ''}
      </p>
      {source.url && /^https?:/.test(source.url) && (
        <p>
          <a href={source.url} target="_blank" rel="noopener noreferrer">
            Original publication
          </a>
        </p>
      )}
      <h3>
        {detail.claims.length} claim{detail.claims.length === 1 ? '' : 's'}
      </h3>
      <ClaimList claims={detail.claims} onOpen={onOpen} />
    </article>
  );
}

/** The entities a claim or an event names, each opening its card. */
function EntityChips({ entities, onOpen }: { entities: { id: string; label: string }[]; onOpen(next: Opened): void }) {
  return (
    <p class="entities">
      {entities.map((e) => (
        <button key={e.id} type="button" class="chip" onClick={() => onOpen({ kind: 'entity', id: e.id })}>
          {e.label}
        </button>
      ))}
    </p>
  );
}

function ClaimList({
  claims,
  onOpen,
  compact,
}: {
  claims: ClaimLine[];
  onOpen(next: Opened): void;
  compact?: boolean;
}) {
  if (claims.length === 0) return <p class="empty">None.</p>;
  return (
    <ul class={compact ? 'claims compact' : 'claims'}>
      {claims.map((c) => (
        <li key={c.id}>
          <button type="button" class="link claim" onClick={() => onOpen({ kind: 'claim', id: c.id })}>
            {c.text}
          </button>
          <span class="meta">
            {' '}
            — {c.speakerName}, {formatPartialDate(c.date)}
            {!compact && c.positionLabel ? ` · ${c.positionLabel}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
