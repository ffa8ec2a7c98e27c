import { formText } from '@/lib/forms/form-data';
import { MILESTONE_ROWS, milestoneRows } from '@/lib/forms/rows';
import { offeredBidderRows, procurementFromForm } from '@/lib/forms/procurement';
import { valuesFromForm } from '@/lib/results/values';

/**
 * The contract form's fields as the drafting and editing use cases take them, read once for both forms.
 * `milestoneRows` is how many milestone rows the form offered (the edit form offers one per milestone of the
 * draft and one more). Each row is kept as sent: an unknown milestone type is refused by the schema, never
 * stored as another.
 */
export function contractFieldsFromForm(formData: FormData, rows = MILESTONE_ROWS) {
  return {
    matterId: formText(formData, 'matterId'),
    contractorId: formText(formData, 'contractorId'),
    valueFen: formText(formData, 'valueFen') ?? '',
    startDate: formText(formData, 'startDate'),
    endDate: formText(formData, 'endDate'),
    justification: formText(formData, 'justification') || undefined,
    terms: formText(formData, 'terms') ?? '',
    noSubcontractDeclared: formData.get('noSubcontractDeclared') === 'on' ? true : undefined,
    renewalOfId: formText(formData, 'renewalOfId') || undefined,
    milestones: milestoneRows(formData, rows),
    // How the contractor was chosen: checked by the use case (lib/procurement), field errors under procurement.*.
    procurement: procurementFromForm(formData, formText(formData, 'contractorId'), offeredBidderRows(formData)),
    // Whole-term targets, one field per indicator of the matter (target_<code>); checked by unit in lib/results.
    targets: valuesFromForm(formData, 'target'),
  };
}

/** How many milestone rows an edit form offered (at least the drafting form's, at most 51: a draft holds 50). */
export function editedMilestoneRows(formData: FormData): number {
  return Math.min(51, Math.max(MILESTONE_ROWS, Number(formText(formData, 'milestoneRows')) || 0));
}
