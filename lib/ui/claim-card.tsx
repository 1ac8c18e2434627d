/**
 * The card of a sentence that states a corpus claim or takes a topic position:
 * what the corpus says on it, the topic's scale with who stands where (and
 * when), the sentence's likely place, and "Not this" for a wrong match.
 */
import { useId } from 'preact/hooks';
import { ClaimItem, Section, Views } from './card';
import type { ClaimCardData } from './claim-card-model';
import { closeOnEscape } from './keys';

export interface ClaimCardProps {
  data: ClaimCardData;
  onClose: () => void;
  /** hides the mark of this sentence and remembers it */
  onNotThis: () => void;
}

export function ClaimCard({ data, onClose, onNotThis }: ClaimCardProps) {
  const id = useId();
  const titleId = `${id}-title`;
  return (
    <section
      class="rdl-card rdl-claim-card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={closeOnEscape(onClose)}
    >
      <header class="rdl-card-header">
        <div class="rdl-card-heading">
          <h2 class="rdl-card-title" id={titleId}>
            {data.claim ? 'The sources on this sentence' : 'Where this sentence stands'}
          </h2>
          <span class="rdl-kind">Claim</span>
        </div>
        <button type="button" class="rdl-close" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </header>
      <div class="rdl-card-body">
        {data.claim && (
          <Section id={`${id}-says`} title="What the corpus says">
            <ul class="rdl-claims">
              <ClaimItem claim={data.claim} onToggleQuote={undefined} />
            </ul>
          </Section>
        )}
        {data.topics.length > 0 && (
          <Section id={`${id}-views`} title="Who agrees, who disagrees">
            {data.topics.map((topic) => (
              <div key={topic.topicId}>
                {topic.likelyLabel && (
                  <p class="rdl-likely-note">
                    This sentence likely: <strong>{topic.likelyLabel}</strong>
                  </p>
                )}
                <Views views={topic} likely={topic.likelyPositionId} />
              </div>
            ))}
          </Section>
        )}
        <div class="rdl-claim-actions">
          <button type="button" class="rdl-button" onClick={onNotThis}>
            Not this
          </button>
        </div>
      </div>
    </section>
  );
}
