/**
 * The context card of one entity: render-only. The container (content script)
 * owns the shadow root, positioning, hover intent and focus restoration; this
 * component turns a `CardData` into markup and reports what the reader asks for.
 *
 * Corpus text is only ever rendered as text children (Preact escapes it);
 * nothing here sets HTML.
 */
import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import {
  isWebUrl,
  type CardClaim,
  type CardData,
  type CardDate,
  type CardPosition,
  type CardTopic,
  type CardViews,
} from '../corpus/card-model';
import { asOf, formatDateRange, formatFigure, formatKind, formatPartialDate } from './format';
import { closeOnEscape } from './keys';

export interface CardProps {
  data: CardData;
  /** the close button and Esc inside the card */
  onClose: () => void;
  /** "Search in Lens", with `data.searchQuery` */
  onSearch: (query: string) => void;
  /** a quote opened or closed: the container may re-position or record it */
  onToggleQuote?: (claimId: string, open: boolean) => void;
  /** set on the card root; the stylesheet also follows a `data-theme` on an ancestor or the host */
  theme?: 'light' | 'dark';
  /** claims shown per topic before "Show all" */
  claimsPerTopic?: number;
}

export function Card({ data, onClose, onSearch, onToggleQuote, theme, claimsPerTopic = 3 }: CardProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const { entity } = data;

  return (
    <CardFrame titleId={titleId} title={entity.label} kind={formatKind(entity.kind)} theme={theme} onClose={onClose}>
      <div class="rdl-card-body">
        {/* A context entity (the US, China …): what it is in a line, then what matters here. */}
        <p class="rdl-summary">{entity.tier === 'context' ? entity.definition : entity.summary}</p>
        {entity.projectNote !== undefined && <ProjectNote note={entity.projectNote} />}

        {data.onPage.length > 0 && (
          <Section id={`${id}-on-page`} title="On this page">
            <TopicClaims
              topic={{ id: null, question: '', claims: data.onPage, viewsDiffer: false }}
              limit={claimsPerTopic}
              onToggleQuote={onToggleQuote}
            />
          </Section>
        )}

        {data.viewsDiffer.length > 0 && (
          <Section id={`${id}-views`} title="Views differ">
            {data.viewsDiffer.map((views) => (
              <Views key={views.topicId} views={views} />
            ))}
          </Section>
        )}

        {data.topics.length > 0 && (
          <Section
            id={`${id}-claims`}
            title={entity.tier === 'context' ? 'In Russia–North Korea relations' : 'What the sources say'}
          >
            {data.topics.map((topic) => (
              <TopicClaims key={topic.id ?? ''} topic={topic} limit={claimsPerTopic} onToggleQuote={onToggleQuote} />
            ))}
          </Section>
        )}

        {data.figures.length > 0 && (
          <Section id={`${id}-figures`} title="Figures">
            <Figures figures={data.figures} />
          </Section>
        )}

        {data.events.length > 0 && (
          <Section id={`${id}-timeline`} title="Timeline">
            <ol class="rdl-timeline">
              {data.events.map((event) => (
                <li key={event.id} class="rdl-event">
                  <time class="rdl-event-date" dateTime={event.date}>
                    {formatDateRange(event.date, event.endDate, 'short')}
                  </time>{' '}
                  <span class="rdl-event-label">{event.label}</span>
                  {event.yours && (
                    <>
                      {' '}
                      <span class="rdl-badge rdl-yours-badge">Yours</span>
                    </>
                  )}
                </li>
              ))}
            </ol>
          </Section>
        )}

        {data.sources.length > 0 && (
          <Section id={`${id}-sources`} title="Sources">
            <ul class="rdl-sources">
              {data.sources.map((source) => (
                <li key={source.id} class="rdl-source">
                  <ExternalLink href={source.url} class="rdl-source-title">
                    {source.title}
                  </ExternalLink>
                  <span class="rdl-meta">
                    {source.outlet}
                    {source.author !== undefined && <> · {source.author}</>} · <DateText date={source.date} />
                    {' · '}
                    {source.claimCount === 1 ? '1 claim' : `${source.claimCount} claims`}
                  </span>
                  {source.dateInferredFrom !== undefined && (
                    <details class="rdl-disclosure">
                      <summary>How the date was inferred</summary>
                      <p class="rdl-note">{source.dateInferredFrom}</p>
                    </details>
                  )}
                </li>
              ))}
            </ul>
          </Section>
        )}
      </div>

      <footer class="rdl-card-footer">
        <button
          type="button"
          class="rdl-button rdl-search"
          // Only the reader's own click: a page's script clicking it would open search after search.
          onClick={(event) => event.isTrusted && onSearch(data.searchQuery)}
        >
          Search in Lens
        </button>
      </footer>
    </CardFrame>
  );
}

/** A card's dialog frame: its heading, its kind, and the close button (and Esc). */
export function CardFrame(props: {
  titleId: string;
  title: string;
  kind: string;
  class?: string;
  theme?: 'light' | 'dark' | undefined;
  onClose: () => void;
  children: ComponentChildren;
}) {
  return (
    <section
      class={props.class ? `rdl-card ${props.class}` : 'rdl-card'}
      role="dialog"
      aria-modal="false"
      aria-labelledby={props.titleId}
      data-theme={props.theme}
      tabIndex={-1}
      onKeyDown={closeOnEscape(props.onClose)}
    >
      <header class="rdl-card-header">
        <div class="rdl-card-heading">
          <h2 class="rdl-card-title" id={props.titleId}>
            {props.title}
          </h2>
          <span class="rdl-kind">{props.kind}</span>
        </div>
        <button type="button" class="rdl-close" aria-label="Close" title="Close (Esc)" onClick={props.onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      {props.children}
    </section>
  );
}

export function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="rdl-section" aria-labelledby={id}>
      <h3 class="rdl-section-title" id={id}>
        {title}
      </h3>
      {children}
    </section>
  );
}

/**
 * The positions taken on one topic, side by side in the order of its scale.
 * `likely`: a position to point out on the scale (a claim card's sentence's).
 */
export function Views({ views, likely }: { views: CardViews; likely?: string | null }) {
  const taken = new Set(views.positions.map((p) => p.id));
  const first = views.scale[0];
  const last = views.scale[views.scale.length - 1];
  return (
    <div class="rdl-views">
      <h4 class="rdl-topic">{views.question}</h4>
      {/* The whole scale at a glance; the list below says the same in words. */}
      <div class="rdl-scale" aria-hidden="true">
        <div class="rdl-scale-track">
          {views.scale.map((p) => (
            <span
              key={p.id}
              class={`rdl-scale-step${taken.has(p.id) ? ' rdl-taken' : ''}${p.id === likely ? ' rdl-likely' : ''}`}
              title={p.label}
            />
          ))}
        </div>
        {first && last && (
          <div class="rdl-scale-ends">
            <span>{first.label}</span> <span>{last.label}</span>
          </div>
        )}
      </div>
      <ol class="rdl-positions">
        {views.positions.map((position) => (
          <Position key={position.id} position={position} />
        ))}
      </ol>
    </div>
  );
}

function Position({ position }: { position: CardPosition }) {
  return (
    <li class="rdl-position" title={position.summary}>
      <span class="rdl-meter" aria-hidden="true">
        {Array.from({ length: position.total }, (_, i) => (
          <span key={i} class={i === position.index ? 'rdl-meter-step rdl-taken' : 'rdl-meter-step'} />
        ))}
      </span>
      <span class="rdl-position-label">{position.label}</span>{' '}
      <span class="rdl-position-place">
        {position.index + 1} of {position.total}
      </span>{' '}
      <ul class="rdl-stances">
        {position.claims.map((stance) => (
          <li key={stance.claimIds[0]} class="rdl-stance">
            <span class="rdl-who">{stance.speakerName}</span>, <DateText date={stance.date} />
            {stance.claimIds.length > 1 && <span class="rdl-stance-count"> ({stance.claimIds.length} claims)</span>}
          </li>
        ))}
      </ul>
    </li>
  );
}

function TopicClaims({
  topic,
  limit,
  onToggleQuote,
}: {
  topic: CardTopic;
  limit: number;
  onToggleQuote: CardProps['onToggleQuote'];
}) {
  const [all, setAll] = useState(false);
  const listId = useId();
  const shown = all ? topic.claims : topic.claims.slice(0, limit);
  const hidden = topic.claims.length - shown.length;
  return (
    <div class="rdl-topic-group">
      {topic.question !== '' && <h4 class="rdl-topic">{topic.question}</h4>}
      <ul class="rdl-claims" id={listId}>
        {shown.map((claim) => (
          <ClaimItem key={claim.id} claim={claim} onToggleQuote={onToggleQuote} />
        ))}
      </ul>
      {topic.claims.length > limit && (
        <button type="button" class="rdl-more" aria-expanded={all} aria-controls={listId} onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show ${hidden} more`}
        </button>
      )}
    </div>
  );
}

export function ClaimItem({ claim, onToggleQuote }: { claim: CardClaim; onToggleQuote: CardProps['onToggleQuote'] }) {
  const { speaker } = claim;
  return (
    <li class="rdl-claim" data-claim-id={claim.id}>
      <p class="rdl-claim-text">
        {claim.text}
        {claim.positionLabel !== undefined && (
          <>
            {' '}
            <span class="rdl-badge">{claim.positionLabel}</span>
          </>
        )}
      </p>
      {/* Short: who, outlet, date; the speaker's role and the source on expand. */}
      <p class="rdl-meta">
        {speaker.ownVoice ? (
          <>
            <ExternalLink href={claim.sourceUrl} class="rdl-who">
              {claim.outlet}
            </ExternalLink>
            , in its own words
            {claim.translation !== undefined && <span class="rdl-translation"> ({claim.translation})</span>}
          </>
        ) : (
          <>
            <span class="rdl-who">{speaker.name}</span>
            {claim.translation !== undefined && <span class="rdl-translation"> ({claim.translation})</span>}
            {' — '}
            <ExternalLink href={claim.sourceUrl}>{claim.outlet}</ExternalLink>
          </>
        )}
        {', '}
        <DateText date={claim.date} />
      </p>
      {claim.yours !== undefined && (
        <p class="rdl-yours">
          <span class="rdl-badge rdl-yours-badge">Yours</span> from your reading
          {claim.yours.pageUrl !== undefined && (
            <>
              {' · '}
              <ExternalLink href={claim.yours.pageUrl}>the page</ExternalLink>
            </>
          )}
          {claim.yours.highlightDeleted && (
            <span class="rdl-yours-note" data-note="highlight-deleted">
              {' · '}its highlight was deleted; the claim keeps its quote
            </span>
          )}
        </p>
      )}
      {claim.projectNote !== undefined && <ProjectNote note={claim.projectNote} />}
      <details
        class="rdl-disclosure rdl-quote"
        onToggle={(event) => onToggleQuote?.(claim.id, (event.currentTarget as HTMLDetailsElement).open)}
      >
        <summary>Quote</summary>
        <p class="rdl-note">
          {speaker.ownVoice
            ? `${claim.outlet}, in its own voice`
            : `${speaker.name}${speaker.role ? `, ${speaker.role}` : ''}`}
        </p>
        <blockquote cite={claim.sourceUrl}>{claim.quote}</blockquote>
      </details>
    </li>
  );
}

/** Figures grouped by what they measure, each "as of" its year, so they compare at a glance. */
function Figures({ figures }: { figures: CardData['figures'] }) {
  const groups: { measures: string; figures: CardData['figures'] }[] = [];
  for (const figure of figures) {
    const group = groups[groups.length - 1];
    if (group && group.measures === figure.measures) group.figures.push(figure);
    else groups.push({ measures: figure.measures, figures: [figure] });
  }
  return (
    <dl class="rdl-figures">
      {groups.map((group) => (
        <div key={group.measures} class="rdl-figure-group">
          <dt class="rdl-figure-measures">{group.measures}</dt>
          {group.figures.map((figure) => (
            <dd key={`${figure.claimId}/${figure.id}`} class="rdl-figure" data-claim-id={figure.claimId}>
              <strong class="rdl-figure-value">{formatFigure(figure)}</strong>{' '}
              <span class="rdl-figure-year">{asOf(figure.year, figure.endYear)}</span>
              {figure.qualifier !== undefined && <span class="rdl-figure-qualifier"> ({figure.qualifier})</span>}
              {figure.projectNote !== undefined && <span class="rdl-note"> Project note: {figure.projectNote}</span>}
              <span class="rdl-meta">
                {' — '}
                {figure.speakerName}, <DateText date={figure.date} />
              </span>
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}

/** What the project adds to, or corrects in, what the sources say: set apart so it is never read as theirs. */
function ProjectNote({ note }: { note: string }) {
  return <p class="rdl-note rdl-project-note">Project note: {note}</p>;
}

/** A partial date; "c." marks a date the project inferred because the source does not print it. */
function DateText({ date }: { date: CardDate }) {
  return (
    <span class="rdl-date">
      {date.inferred && (
        <>
          <abbr class="rdl-inferred" title="Date inferred: not printed in the source">
            c.
          </abbr>{' '}
        </>
      )}
      <time dateTime={date.value}>{formatPartialDate(date.value)}</time>
    </span>
  );
}

/** A link that opens in a new tab without giving the page a handle on it; plain text when there is no web URL. */
function ExternalLink({
  href,
  class: className,
  children,
}: {
  href: string | undefined;
  class?: string;
  children: ComponentChildren;
}) {
  if (href === undefined || !isWebUrl(href)) return <span class={className}>{children}</span>;
  return (
    <a class={className ? `rdl-link ${className}` : 'rdl-link'} href={href} target="_blank" rel="noopener noreferrer">
      {children}
    </a>
  );
}
