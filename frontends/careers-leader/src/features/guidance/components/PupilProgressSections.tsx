import { usePupilProgress } from '../hooks/usePupilProgress';
import { BenchmarkProgressSection } from './BenchmarkProgressSection';
import { GuidanceSection } from './GuidanceSection';

export interface PupilProgressSectionsProps {
  pupilId: string;
  pupilName: string;
  /** Staff of the pupil's current school may change things; a former school only reads. */
  editable: boolean;
}

/** The benchmark and personal-guidance parts of a pupil's page, loaded on their own. */
export function PupilProgressSections({ pupilId, pupilName, editable }: PupilProgressSectionsProps) {
  const progress = usePupilProgress(pupilId);
  if (progress.loading && !progress.data) return null;
  return (
    <>
      <BenchmarkProgressSection
        pupilName={pupilName}
        progress={progress.pupil?.benchmarkProgress ?? null}
        considering={progress.pupil?.consideringHigherEducation ?? null}
        errors={progress.errorsFor('benchmarkProgress')}
        editable={editable}
        onConsideringChange={progress.setConsidering}
      />
      <GuidanceSection
        pupilId={pupilId}
        pupilName={pupilName}
        meetings={progress.pupil?.guidanceMeetings ?? null}
        booked={progress.pupil?.bookedGuidanceMeetings ?? null}
        errors={[...new Set([...progress.errorsFor('guidanceMeetings'), ...progress.errorsFor('bookedGuidanceMeetings')])]}
        editable={editable}
        onRecord={progress.recordMeeting}
        onMoveBooking={progress.moveBooking}
        onCancelBooking={progress.cancelBooking}
        onActionDone={progress.setActionDone}
      />
    </>
  );
}
