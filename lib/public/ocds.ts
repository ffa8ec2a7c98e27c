import type { Db } from '../../db/client';
import type { MilestoneStatus, MilestoneType } from '../domain/enums';
import type { PublishedContractStatus } from './dto';
import { findPublicContractReleases, type PublicContractRelease } from './queries';

// Open Contracting Data Standard 1.1.5: one release per published contract. Extension fields (not in the
// core schema, documented on the API page): `contracts[].matterCode`, `contracts[].matterCategory` and
// `parties[].details.contractorKind`.

export const OCDS_VERSION = '1.1';
const SHANGHAI = '+08:00';

/** Contract statuses onto the closed contractStatus codelist: OCDS has no "suspended" or "completed". */
export const ocdsContractStatus: Record<PublishedContractStatus, 'active' | 'terminated'> = {
  active: 'active',
  suspended: 'active',
  completed: 'terminated',
  terminated: 'terminated',
};

const ocdsMilestoneStatus: Record<MilestoneStatus, string> = { scheduled: 'scheduled', met: 'met', partially_met: 'partiallyMet', not_met: 'notMet' };
const ocdsMilestoneType: Record<MilestoneType, string> = { delivery: 'delivery', reporting: 'reporting', payment: 'payment' };

const startOfDay = (date: string) => `${date}T00:00:00${SHANGHAI}`;
const endOfDay = (date: string) => `${date}T23:59:59${SHANGHAI}`;
const cny = (fen: number) => ({ amount: fen / 100, currency: 'CNY' });

export type OcdsOptions = { prefix: string; publisher: string; uri: string; publishedDate: string };

export function toOcdsRelease(c: Omit<PublicContractRelease, 'id'>, prefix: string) {
  const ocid = `${prefix}${c.reference}`;
  const buyer = { id: `department-${c.department.code}`, name: c.department.nameZh };
  const supplier = { id: `contractor-${c.contractor.id}`, name: c.contractor.nameZh };
  const awardId = `${c.reference}-award`;
  const tag = ['contract', 'implementation'];
  if (c.amendments.length > 0) tag.push('contractAmendment');
  if (c.status === 'completed' || c.status === 'terminated') tag.push('contractTermination');
  return {
    ocid,
    id: `${ocid}-${c.lastUpdated.replace(/[^0-9]/g, '').slice(0, 14)}`,
    date: c.lastUpdated,
    tag,
    initiationType: 'tender',
    language: 'zh',
    parties: [
      { ...buyer, name_en: c.department.nameEn, identifier: { scheme: 'X-LONGGANG-DEPT', id: c.department.code, legalName: c.department.nameZh }, roles: ['buyer', 'procuringEntity', 'payer'] },
      {
        ...supplier,
        name_en: c.contractor.nameEn,
        identifier: { scheme: 'CN-USCC', id: c.contractor.creditCode, legalName: c.contractor.nameZh },
        roles: ['supplier', 'payee'],
        details: { contractorKind: c.contractor.kind },
      },
    ],
    buyer,
    tender: {
      id: `${c.reference}-tender`,
      title: c.matter.titleZh,
      title_en: c.matter.titleEn,
      status: 'complete',
      procuringEntity: buyer,
      mainProcurementCategory: 'services',
    },
    awards: [{ id: awardId, title: c.matter.titleZh, status: 'active', date: c.approvedOn ? startOfDay(c.approvedOn) : null, value: cny(c.valueFen), suppliers: [supplier] }],
    contracts: [
      {
        id: c.reference,
        awardID: awardId,
        title: c.matter.titleZh,
        title_en: c.matter.titleEn,
        status: ocdsContractStatus[c.status],
        period: { startDate: startOfDay(c.startDate), endDate: endOfDay(c.endDate) },
        value: cny(c.valueFen),
        dateSigned: c.approvedOn ? startOfDay(c.approvedOn) : null,
        milestones: c.milestones.map((m, i) => ({
          id: `${c.reference}-m${i + 1}`,
          title: m.title,
          type: ocdsMilestoneType[m.type],
          dueDate: endOfDay(m.dueDate),
          status: ocdsMilestoneStatus[m.status],
        })),
        implementation: {
          transactions: c.payments.map((p, i) => ({
            id: `${c.reference}-p${i + 1}`,
            date: startOfDay(p.paidOn),
            value: cny(p.amountFen),
            payer: buyer,
            payee: supplier,
          })),
        },
        amendments: c.amendments.map((a, i) => ({
          id: `${c.reference}-a${i + 1}`,
          date: a.approvedOn ? startOfDay(a.approvedOn) : null,
          rationale: a.rationale,
          description: `value ${a.previousValueFen / 100} → ${a.newValueFen / 100} CNY; end date ${a.previousEndDate} → ${a.newEndDate}${a.termsChanged ? '; terms changed' : ''}`,
        })),
        matterCode: c.matter.code,
        matterCategory: c.matter.category,
      },
    ],
  };
}

export type OcdsRelease = ReturnType<typeof toOcdsRelease>;

const q = JSON.stringify;
const orNull = (text: string | null) => (text === null ? 'null' : text);
const cnyJson = (fen: number) => `{"amount":${fen / 100},"currency":"CNY"}`;
const list = <T>(items: T[], each: (item: T, i: number) => string) => {
  let out = '';
  for (let i = 0; i < items.length; i++) out += (i === 0 ? '' : ',') + each(items[i]!, i);
  return `[${out}]`;
};

/**
 * JSON.stringify(toOcdsRelease(c, prefix)), written straight to text: the release package of a million
 * contracts would otherwise build and then serialize a million object trees. Same keys in the same order;
 * a property test holds the two byte-identical.
 */
export function ocdsReleaseJson(c: Omit<PublicContractRelease, 'id'>, prefix: string): string {
  const ocid = q(`${prefix}${c.reference}`);
  const ref = c.reference;
  const buyer = `"id":${q(`department-${c.department.code}`)},"name":${q(c.department.nameZh)}`;
  const supplier = `"id":${q(`contractor-${c.contractor.id}`)},"name":${q(c.contractor.nameZh)}`;
  const awardId = q(`${ref}-award`);
  let tag = '["contract","implementation"';
  if (c.amendments.length > 0) tag += ',"contractAmendment"';
  if (c.status === 'completed' || c.status === 'terminated') tag += ',"contractTermination"';
  tag += ']';
  const signed = orNull(c.approvedOn ? q(startOfDay(c.approvedOn)) : null);
  const titleZh = q(c.matter.titleZh);
  const titleEn = q(c.matter.titleEn);
  const value = cnyJson(c.valueFen);
  return (
    `{"ocid":${ocid},"id":${q(`${prefix}${ref}-${c.lastUpdated.replace(/[^0-9]/g, '').slice(0, 14)}`)},"date":${q(c.lastUpdated)},"tag":${tag},"initiationType":"tender","language":"zh"` +
    `,"parties":[{${buyer},"name_en":${q(c.department.nameEn)},"identifier":{"scheme":"X-LONGGANG-DEPT","id":${q(c.department.code)},"legalName":${q(c.department.nameZh)}},"roles":["buyer","procuringEntity","payer"]}` +
    `,{${supplier},"name_en":${q(c.contractor.nameEn)},"identifier":{"scheme":"CN-USCC","id":${q(c.contractor.creditCode)},"legalName":${q(c.contractor.nameZh)}},"roles":["supplier","payee"],"details":{"contractorKind":${q(c.contractor.kind)}}}]` +
    `,"buyer":{${buyer}}` +
    `,"tender":{"id":${q(`${ref}-tender`)},"title":${titleZh},"title_en":${titleEn},"status":"complete","procuringEntity":{${buyer}},"mainProcurementCategory":"services"}` +
    `,"awards":[{"id":${awardId},"title":${titleZh},"status":"active","date":${signed},"value":${value},"suppliers":[{${supplier}}]}]` +
    `,"contracts":[{"id":${q(ref)},"awardID":${awardId},"title":${titleZh},"title_en":${titleEn},"status":${q(ocdsContractStatus[c.status])}` +
    `,"period":{"startDate":${q(startOfDay(c.startDate))},"endDate":${q(endOfDay(c.endDate))}},"value":${value},"dateSigned":${signed}` +
    `,"milestones":${list(c.milestones, (m, i) => `{"id":${q(`${ref}-m${i + 1}`)},"title":${q(m.title)},"type":${q(ocdsMilestoneType[m.type])},"dueDate":${q(endOfDay(m.dueDate))},"status":${q(ocdsMilestoneStatus[m.status])}}`)}` +
    `,"implementation":{"transactions":${list(c.payments, (p, i) => `{"id":${q(`${ref}-p${i + 1}`)},"date":${q(startOfDay(p.paidOn))},"value":${cnyJson(p.amountFen)},"payer":{${buyer}},"payee":{${supplier}}}`)}}` +
    `,"amendments":${list(
      c.amendments,
      (a, i) =>
        `{"id":${q(`${ref}-a${i + 1}`)},"date":${orNull(a.approvedOn ? q(startOfDay(a.approvedOn)) : null)},"rationale":${q(a.rationale)},"description":${q(`value ${a.previousValueFen / 100} → ${a.newValueFen / 100} CNY; end date ${a.previousEndDate} → ${a.newEndDate}${a.termsChanged ? '; terms changed' : ''}`)}}`,
    )}` +
    `,"matterCode":${q(c.matter.code)},"matterCategory":${q(c.matter.category)}}]}`
  );
}

/**
 * The release package as JSON text, piece by piece: contracts are read a keyset batch at a time (four
 * statements per batch), so memory stays flat however many there are, and no statement stays open between
 * pieces.
 */
export function* releasePackageChunks(db: Db, options: OcdsOptions, batchSize = 500): Generator<string> {
  const head = { uri: options.uri, version: OCDS_VERSION, publishedDate: options.publishedDate, publisher: { name: options.publisher } };
  yield `${JSON.stringify(head).slice(0, -1)},"releases":[`;
  let after = 0;
  let first = true;
  for (;;) {
    const batch = findPublicContractReleases(db, after, batchSize);
    if (batch.length === 0) break;
    let text = '';
    for (const c of batch) {
      text += `${first ? '' : ','}${ocdsReleaseJson(c, options.prefix)}`;
      first = false;
    }
    yield text;
    after = batch.at(-1)!.id;
    if (batch.length < batchSize) break;
  }
  yield ']}';
}
