import { formatDate } from '@waymark/ui';
import type { CareersPage } from '../graphql/publication';
import type { PublicationDraft } from '../lib/publication';

/** The public page's parts, as they would read now: the form's values and this year's programme. */
export function PagePreview({ id, schoolName, preview, draft }: { id: string; schoolName: string; preview: CareersPage['preview']; draft: PublicationDraft }) {
  const halfTerms = [...new Set(preview.programme.map((item) => item.halfTerm))];
  const lines = (text: string) =>
    text
      .split('\n')
      .filter((line) => line.trim())
      .map((line, index) => <p key={index}>{line.trim()}</p>);
  return (
    <div id={id} className="wm-publication-preview">
      <h3>Careers at {schoolName}</h3>
      <h4>Our careers programme, {preview.academicYear}</h4>
      {preview.programme.length === 0 ? <p>The activities for this year are still being planned.</p> : null}
      {halfTerms.map((halfTerm) => (
        <div key={halfTerm}>
          <h5>{halfTerm}</h5>
          <ul>
            {preview.programme
              .filter((item) => item.halfTerm === halfTerm)
              .map((item, index) => (
                <li key={index}>
                  <strong>{item.title}</strong>, for {item.yearGroupsText}
                  {item.purpose ? `: ${item.purpose}` : ''} (works towards {item.benchmarks.join('; ')})
                </li>
              ))}
          </ul>
        </div>
      ))}
      <h4>Contact our careers leader</h4>
      <p>
        {draft.contactName || 'No name yet'}, {draft.contactEmail || 'no email address yet'}
        {draft.contactPhone ? `, ${draft.contactPhone}` : ''}
      </p>
      <h4>How we check the programme is working</h4>
      {draft.evaluation.trim() ? lines(draft.evaluation) : <p>Not written yet.</p>}
      <h4>When this page is next reviewed</h4>
      <p>{draft.reviewOn ? formatDate(draft.reviewOn) : 'No date yet.'}</p>
      <h4>Provider access policy statement</h4>
      {lines(draft.statement)}
    </div>
  );
}
