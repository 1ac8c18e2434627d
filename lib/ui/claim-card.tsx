/**
 * The card of a sentence that states a corpus claim or takes a topic position:
 * what the corpus says on it, the topic's scale with who stands where (and
 * when), the sentence's likely place, and "Not this" for a wrong match.
 */
import { useId } from 'preact/hooks';
import { CardFrame, ClaimItem, Section, Views } from './card';
import type { ClaimCardData } from '../corpus/claim-card-model';

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
    <CardFrame
      titleId={titleId}
      class="rdl-claim-card"
      title={data.claim ? 'The sources on this sentence' : 'Where this sentence stands'}
      kind="Claim"
      onClose={onClose}
    >
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
    </CardFrame>
  );
}
