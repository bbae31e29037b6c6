import { Section } from '@waymark/ui';
import type { useEncounterForm } from '../hooks/useEncounterForm';
import { BenchmarkFields } from './BenchmarkFields';
import { ChecklistFields } from './ChecklistFields';
import { EncounterDetailsFields } from './EncounterDetailsFields';

/** The parts of the encounter form that recording and editing share. */
export function EncounterFormSections({ form }: { form: ReturnType<typeof useEncounterForm> }) {
  return (
    <>
      <Section title="About the encounter">
        <EncounterDetailsFields draft={form.draft} errors={form.fieldErrors} onChange={form.update} onToggleYearGroup={form.toggleYearGroup} />
      </Section>
      <Section title="Benchmarks and hashtags">
        <BenchmarkFields
          draft={form.draft}
          errors={form.fieldErrors}
          onToggleBenchmark={form.toggleBenchmark}
          onHashtagsChange={(text) => form.update('hashtags', text)}
        />
      </Section>
      <Section
        title="Was it meaningful?"
        description="What made this encounter worthwhile for the pupils. Only the points that apply to this kind of encounter are listed."
      >
        <ChecklistFields draft={form.draft} onTick={form.tick} />
      </Section>
    </>
  );
}
