// Synthetic registry at province or national scale, written straight into SQLite with prepared statements
// in large transactions (the use cases in lib/ would take hours at this size). Every record and every
// status step gets the audit event its use case would have appended, with the same data shapes, so the
// result is one hash chain that verifyAuditChain accepts. Deterministic: the seed is the only input.

import { hashSync } from '@node-rs/argon2';
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../db/client';
import { hash } from 'node:crypto';
import { canonicalJson, eventCanonicalJson, GENESIS_HASH, type ChainedEvent } from '../audit/chain';
import { usccCheckCharacter, USCC_ALPHABET } from '../contractors/uscc';
import type { ContractorKind, ContractStatus, MatterCategory, MilestoneStatus, MilestoneType } from '../domain/enums';
import { gradeFor, overallScore } from '../evaluations/grade';
import { dayOf, isoDay, termEnd, timestamp, yearOf } from './dates';
import { rebuildPublicCounts } from '../public/counts';
import { rebuildPublicStats } from '../public/stats-counts';
import { publishMissingReleases } from '../ocds/publish';
import { Prng } from './prng';
import { contractDraftedJson, deliverableSubmittedJson, evaluationRecordedJson, indicatorsJson, milestoneCreatedJson, paymentRecordedJson, transitionJson } from './json';

/** National scale is 1; province one tenth. `tiny` is for tests. */
export const synthScales = { national: 1, province: 0.1, tiny: 0.0005 } as const;
export type SynthScale = keyof typeof synthScales;

export const NATIONAL = {
  areas: 2800,
  matters: 250_000,
  contractors: 100_000,
  contracts: 1_000_000,
  deliverables: 5_000_000,
} as const;

/** The fixed "today" of every synthetic database (timestamps never come from the clock). */
export const SYNTH_TODAY = '2026-11-20';
/** The password of every synthetic account, for benchmarks that sign in (synthetic databases only). */
export const SYNTH_PASSWORD = 'synthetic-registry-2026';
export const SYNTH_DOMAIN = 'synth.example';

export type SynthOptions = {
  file: string;
  /** 1 = national. */
  factor: number;
  seed: number;
  /** 'after' drops the secondary indexes for the load and recreates them from their own SQL. */
  indexes?: 'during' | 'after';
  /** Rows per transaction. */
  batch?: number;
  log?: (line: string) => void;
};

export type SynthReport = {
  counts: Record<string, number>;
  rows: number;
  events: number;
  headHash: string;
  seconds: { total: number; load: number; indexes: number };
};

type Actor = { id: number | null; name: string; role: string; org: string | null };

const seedDir = path.join(process.cwd(), 'db', 'seed');
const readCsv = (name: string) => parse(readFileSync(path.join(seedDir, name), 'utf8'), { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];

const categoryShort: Record<MatterCategory, string> = {
  environment: 'ENV',
  safety: 'SAFE',
  urban_management: 'URB',
  social_services: 'SOC',
  culture_sport: 'CUL',
  economy_markets: 'ECO',
  health_education: 'HEA',
  agriculture_rural: 'AGR',
};
const indicatorKeys: Record<MatterCategory, readonly [string, string, string]> = {
  environment: ['inspections_done', 'problems_found', 'problems_corrected'],
  safety: ['inspections_done', 'hazards_found', 'hazards_corrected'],
  urban_management: ['patrols_done', 'issues_resolved', 'complaints_handled'],
  social_services: ['households_visited', 'cases_served', 'activities_held'],
  culture_sport: ['events_held', 'participants', 'visitors'],
  economy_markets: ['samples_tested', 'reports_issued', 'firms_served'],
  health_education: ['people_served', 'sessions_held', 'referrals'],
  agriculture_rural: ['samples_tested', 'farms_visited', 'trainings_held'],
};

const areaSyllables = '安宝昌成丹东丰福广海和华嘉江金靖乐丽临龙梅明南宁平庆瑞山泰天通文武西祥新兴阳宜永元云长正忠'.split('');
const provinceCodes = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65];
const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚'.split('');
const givenNames = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞婷雪琳晨宇浩然欣怡子涵思远'.split('');

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** A 4-letter area code (matter codes allow letters only before the category). */
function areaCode(i: number): string {
  let n = i;
  let s = '';
  for (let k = 0; k < 4; k++) {
    s = letters[n % 26] + s;
    n = Math.floor(n / 26);
  }
  return s;
}

const CONTRACT_STATUS_CODES: readonly ContractStatus[] = ['draft', 'pending_approval', 'active', 'suspended', 'completed', 'cancelled', 'terminated'];
const S_DRAFT = 0;
const S_PENDING = 1;
const S_ACTIVE = 2;
const S_SUSPENDED = 3;
const S_COMPLETED = 4;
const S_CANCELLED = 5;
const S_TERMINATED = 6;

/** Kinds in the sample's mix (17 : 59 : 6), interleaved so that every prefix keeps the proportions. */
export function contractorKindAt(counts: number[], i: number): ContractorKind {
  const weights = [17, 59, 6];
  let best = 0;
  let bestDeficit = -Infinity;
  for (let k = 0; k < 3; k++) {
    const deficit = ((i + 1) * weights[k]!) / 82 - counts[k]!;
    if (deficit > bestDeficit) {
      bestDeficit = deficit;
      best = k;
    }
  }
  counts[best]! += 1;
  return (['social_organization', 'enterprise_institution', 'university'] as const)[best]!;
}

/** 9 organization-code characters from a bijection of i, so codes never collide. */
function orgCode(i: number, offset: number): string {
  const space = 31 ** 9;
  // 1,000,003 is prime and not 31, so multiplying by it is a bijection modulo 31^9 (BigInt: no overflow).
  let n = Number((BigInt(i) * 1_000_003n + BigInt(offset)) % BigInt(space));
  let s = '';
  for (let k = 0; k < 9; k++) {
    s = USCC_ALPHABET[n % 31] + s;
    n = Math.floor(n / 31);
  }
  return s;
}

export function synthCounts(factor: number) {
  return {
    areas: Math.max(1, Math.round(NATIONAL.areas * factor)),
    matters: Math.max(15, Math.round(NATIONAL.matters * factor)),
    contractors: Math.max(20, Math.round(NATIONAL.contractors * factor)),
    contracts: Math.max(50, Math.round(NATIONAL.contracts * factor)),
    deliverables: Math.max(100, Math.round(NATIONAL.deliverables * factor)),
  };
}

export function generateSynthetic(options: SynthOptions): SynthReport {
  const log = options.log ?? (() => {});
  const started = performance.now();
  const rng = new Prng(options.seed);
  const target = synthCounts(options.factor);
  const batch = options.batch ?? 100_000;
  const TODAY = dayOf(SYNTH_TODAY);

  // Schema through the migrations, as the app would create it; then a bulk-load connection.
  openDatabase(options.file).$client.close();
  const db = new Database(options.file);
  // Out of WAL (openDatabase set it) into an in-memory rollback journal: journal_mode=OFF is refused in the
  // defensive mode better-sqlite3 enables, and WAL would write every page twice.
  db.pragma('journal_mode = DELETE');
  const journal = db.pragma('journal_mode = MEMORY', { simple: true });
  if (journal !== 'memory') throw new Error(`could not set journal_mode=MEMORY for the load (got ${String(journal)})`);
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('temp_store = MEMORY');
  // A page cache that holds the big indexes while they are built (up to 3 GiB at national scale), sorted with 2 threads.
  db.pragma(`cache_size = -${Math.round(Math.min(3, Math.max(0.25, 3 * options.factor)) * 1024 * 1024)}`);
  db.pragma('threads = 2');
  // Index builds scan each table once per index: reading through mmap instead of the page cache is ~4× faster.
  db.pragma('mmap_size = 68719476736');

  const droppedIndexes: { name: string; sql: string }[] = [];
  if ((options.indexes ?? 'after') === 'after') {
    const rows = db.prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null order by rowid`).all() as { name: string; sql: string }[];
    for (const r of rows) {
      db.exec(`drop index "${r.name}"`);
      droppedIndexes.push(r);
    }
  }

  // The overview's stats triggers look rows up by key; without the indexes every insert would scan a table.
  // They are dropped for the load, then put back and the figures recounted once the indexes exist.
  const droppedTriggers = db.prepare(`select name, sql from sqlite_master where type = 'trigger' and name like 'public_stats_%' order by rowid`).all() as { name: string; sql: string }[];
  for (const t of droppedTriggers) db.exec(`drop trigger "${t.name}"`);

  const counts: Record<string, number> = {
    departments: 0,
    users: 0,
    contractors: 0,
    matters: 0,
    contracts: 0,
    milestones: 0,
    deliverables: 0,
    payments: 0,
    evaluations: 0,
    audit_events: 0,
  };
  let rows = 0;
  let lastReport = performance.now();
  db.exec('begin');
  const tick = (table: string) => {
    counts[table]! += 1;
    rows += 1;
    if (rows % batch === 0) {
      db.exec('commit');
      db.exec('begin');
      const now = performance.now();
      if (now - lastReport > 5000) {
        lastReport = now;
        const s = (now - started) / 1000;
        log(`synth: ${s.toFixed(0)} s: ${rows.toLocaleString('en')} rows (${Math.round(rows / s).toLocaleString('en')} rows/s), ${counts.audit_events!.toLocaleString('en')} events, ${counts.contracts!.toLocaleString('en')}/${target.contracts.toLocaleString('en')} contracts`);
      }
    }
  };

  // ----- audit chain -----
  const insEvent = db.prepare(
    `insert into audit_events (seq, occurred_at, actor_id, actor_name, actor_role, actor_org, action, entity_type, entity_id, department_id, data, request_meta, prev_hash, hash)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?)`,
  );
  let prevHash = GENESIS_HASH;
  let seq = 0;
  const ev: ChainedEvent = { seq: 0, occurredAt: '', actorId: null, actorName: '', actorRole: '', actorOrg: null, action: '', entityType: '', entityId: '', departmentId: null, data: '', requestMeta: null };
  /** Appends one event; `data` is its canonical JSON text (lib/synth/json.ts, or canonicalJson for the rare ones). */
  const emit = (at: string, actor: Actor, action: string, entityType: string, entityId: number, departmentId: number | null, data: string) => {
    seq += 1;
    ev.seq = seq;
    ev.occurredAt = at;
    ev.actorId = actor.id;
    ev.actorName = actor.name;
    ev.actorRole = actor.role;
    ev.actorOrg = actor.org;
    ev.action = action;
    ev.entityType = entityType;
    ev.entityId = String(entityId);
    ev.departmentId = departmentId;
    ev.data = data;
    // eventHash() with one string in one call: SHA-256(prev_hash ‖ eventCanonicalJson), twice as fast at this volume.
    const h = hash('sha256', prevHash + eventCanonicalJson(ev), 'hex');
    insEvent.run(seq, at, actor.id, actor.name, actor.role, actor.org, action, entityType, ev.entityId, departmentId, data, prevHash, h);
    prevHash = h;
    tick('audit_events');
  };
  const system: Actor = { id: null, name: 'synthetic data generator', role: 'system', org: null };
  const secs = () => rng.int(3600, 10 * 3600 - 1); // 09:00–18:00 in Shanghai
  const at = (day: number) => timestamp(day, secs());

  // ----- templates from the sample -----
  const deptTemplates = readCsv('departments.csv');
  const matterTemplates = readCsv('matters.csv');
  const contractorTemplates = readCsv('contractors.csv');
  const deptTemplateIndex = new Map(deptTemplates.map((d, i) => [d.code!, i]));

  // ----- areas and departments -----
  const areas = target.areas;
  const areaNames: string[] = [];
  const regionCodes: string[] = [];
  for (let a = 0; a < areas; a++) {
    areaNames.push(`${rng.pick(areaSyllables)}${rng.pick(areaSyllables)}${rng.chance(0.3) ? '县' : '市'}`);
    regionCodes.push(`${rng.pick(provinceCodes)}${String(rng.int(1, 99)).padStart(2, '0')}${String(rng.int(1, 99)).padStart(2, '0')}`);
  }
  const insDept = db.prepare(`insert into departments (id, code, name_zh, name_en, kind, credit_code, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)`);
  const deptCount = areas * deptTemplates.length;
  const deptName: string[] = [''];
  const setupDay = dayOf('2021-12-01');
  for (let a = 0; a < areas; a++) {
    for (let t = 0; t < deptTemplates.length; t++) {
      const tpl = deptTemplates[t]!;
      const id = a * deptTemplates.length + t + 1;
      // A government body's credit code: 11, the area's region code, an organization code, the check character.
      const first17 = `11${regionCodes[a]}${orgCode(id - 1, 0)}`;
      const data = { code: tpl.code!.replace(/^LG-/, `${areaCode(a)}-`), nameZh: `${areaNames[a]}${tpl.name_zh}`, nameEn: `${tpl.name_en} (Area ${a + 1})`, kind: tpl.kind!, creditCode: first17 + usccCheckCharacter(first17)! };
      const ts = at(setupDay);
      insDept.run(id, data.code, data.nameZh, data.nameEn, data.kind, data.creditCode, ts, ts);
      tick('departments');
      deptName.push(data.nameZh);
      emit(ts, system, 'department.created', 'department', id, id, canonicalJson({ after: data }));
    }
  }

  // ----- contractors -----
  const nContractors = target.contractors;
  const insContractor = db.prepare(
    `insert into contractors (id, name_zh, name_en, kind, credit_code, legal_representative, contact_phone, contact_email, qualifications, verification_status, status_reason, status_changed_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updContractor = db.prepare(`update contractors set verification_status = ?, status_reason = ?, status_changed_at = ?, updated_at = ? where id = ?`);
  const contractorStatus = new Uint8Array(nContractors + 1); // 0 verified, 1 pending, 2 suspended, 3 debarred
  const contractorName: string[] = [''];
  const kindCounts = [0, 0, 0];
  const templatesByKind: Record<ContractorKind, Record<string, string>[]> = { social_organization: [], enterprise_institution: [], university: [] };
  for (const t of contractorTemplates) templatesByKind[t.kind as ContractorKind].push(t);
  const codeOffset = rng.int(0, 2 ** 30);
  const contractorDay = dayOf('2021-12-03');
  for (let i = 0; i < nContractors; i++) {
    const id = i + 1;
    const kind = contractorKindAt(kindCounts, i);
    const tpl = rng.pick(templatesByKind[kind]);
    const area = i % areas;
    const prefix = kind === 'social_organization' ? rng.pick(['51', '52', '53']) : kind === 'university' ? '12' : rng.chance(0.85) ? '91' : '12';
    const first17 = `${prefix}${regionCodes[area]}${orgCode(i, codeOffset)}`;
    const creditCode = first17 + usccCheckCharacter(first17)!;
    const r = rng.next();
    contractorStatus[id] = r < 0.02 ? 1 : r < 0.03 ? 2 : r < 0.035 ? 3 : 0;
    const nameZh = `${tpl.name_zh!.replace('龙港市', areaNames[area]!)}（${String(Math.floor(i / areas) + 1).padStart(3, '0')}）`;
    const nameEn = `${tpl.name_en!.replace('Longgang', `Area ${area + 1}`)} No. ${Math.floor(i / areas) + 1}`;
    const rep = `${rng.pick(surnames)}${rng.pick(givenNames)}${rng.chance(0.5) ? rng.pick(givenNames) : ''}`;
    const phone = `177${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
    const email = `contact${id}@contractor${id}.example.cn`;
    const pending = contractorStatus[id] === 1;
    const ts = at(contractorDay);
    // Later suspended or debarred ones held contracts while verified: created verified, sanctioned at the end.
    const values = {
      nameZh,
      nameEn,
      kind,
      creditCode,
      legalRepresentative: rep,
      qualifications: tpl.qualifications ?? '',
      verificationStatus: pending ? 'pending' : 'verified',
      statusReason: null,
      statusChangedAt: pending ? null : ts,
    };
    insContractor.run(id, nameZh, nameEn, kind, creditCode, rep, phone, email, values.qualifications, values.verificationStatus, null, values.statusChangedAt, ts, ts);
    tick('contractors');
    contractorName.push(nameZh);
    emit(ts, system, 'contractor.created', 'contractor', id, null, canonicalJson({ after: { ...values, contactPhone: '(given)', contactEmail: '(given)' } }));
  }

  // ----- users -----
  const insUser = db.prepare(
    `insert into users (id, email, name, role, department_id, contractor_id, password_hash, external_subject, must_change_password, disabled, session_version, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, null, 0, 0, 0, ?, ?)`,
  );
  // One argon2 hash with a salt from the seed: deterministic, and every synthetic account signs in with SYNTH_PASSWORD.
  const salt = new Uint8Array(16);
  for (let i = 0; i < 16; i++) salt[i] = rng.int(0, 255);
  const passwordHash = hashSync(SYNTH_PASSWORD, { salt });
  const userDay = dayOf('2021-12-02');
  let userId = 0;
  const createUser = (email: string, name: string, role: string, departmentId: number | null, contractorId: number | null, org: string | null): Actor => {
    userId += 1;
    const ts = at(userDay);
    insUser.run(userId, email, name, role, departmentId, contractorId, passwordHash, ts, ts);
    tick('users');
    emit(ts, system, 'user.created', 'user', userId, departmentId, canonicalJson({ after: { email, name, role, departmentId, contractorId, hasPassword: true } }));
    return { id: userId, name, role, org };
  };
  const admin = createUser(`admin@${SYNTH_DOMAIN}`, '合成数据管理员', 'admin', null, null, null);
  createUser(`auditor@${SYNTH_DOMAIN}`, '合成数据审计员', 'auditor', null, null, null);
  createUser(`evaluator@${SYNTH_DOMAIN}`, '合成数据评估员', 'evaluator', null, null, null);
  const officers: Actor[] = [system];
  const approvers: Actor[] = [system];
  for (let d = 1; d <= deptCount; d++) {
    const code = `${areaCode(Math.floor((d - 1) / deptTemplates.length))}.${deptTemplates[(d - 1) % deptTemplates.length]!.code!.replace(/^LG-D-/, '')}`.toLowerCase();
    officers.push(createUser(`officer.${code}@${SYNTH_DOMAIN}`, `${deptName[d]}经办人`, 'officer', d, null, deptName[d]!));
    approvers.push(createUser(`approver.${code}@${SYNTH_DOMAIN}`, `${deptName[d]}审批人`, 'approver', d, null, deptName[d]!));
  }
  const reporters: Actor[] = [system];
  for (let c = 1; c <= nContractors; c++) {
    reporters.push(createUser(`reporter.${c}@${SYNTH_DOMAIN}`, `${contractorName[c]}填报员`, 'contractor', null, c, contractorName[c]!));
  }

  // ----- matters -----
  const nMatters = target.matters;
  const insMatter = db.prepare(
    `insert into matters (id, code, title_zh, title_en, description_zh, description_en, category, department_id, legal_basis, service_standard, annual_budget_fen, catalogue_status, withdrawal_reason, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const matterDept = new Int32Array(nMatters + 1);
  const matterBudget = new Float64Array(nMatters + 1);
  const matterCategory: MatterCategory[] = ['environment'];
  const matterTitle: string[] = [''];
  const listedByArea: number[][] = Array.from({ length: areas }, () => []);
  const matterDay = dayOf('2021-12-05');
  const perCategoryCounter = new Map<string, number>();
  for (let i = 0; i < nMatters; i++) {
    const id = i + 1;
    const area = i % areas;
    const k = Math.floor(i / areas);
    const tpl = matterTemplates[k % matterTemplates.length]!;
    const category = tpl.category as MatterCategory;
    const departmentId = area * deptTemplates.length + deptTemplateIndex.get(tpl.department_code!)! + 1;
    const counterKey = `${area}:${category}`;
    const n = (perCategoryCounter.get(counterKey) ?? 0) + 1;
    perCategoryCounter.set(counterKey, n);
    const r = rng.next();
    const status = r < 0.9 ? 'listed' : r < 0.96 ? 'draft' : 'withdrawn';
    const round = Math.floor(k / matterTemplates.length);
    const budget = Math.max(1_000_000, Math.round((Number(tpl.annual_budget_fen) * (0.5 + rng.next())) / 10_000) * 10_000);
    const values = {
      code: `${areaCode(area)}-${categoryShort[category]}-${String(n).padStart(3, '0')}`,
      titleZh: `${areaNames[area]}${tpl.title_zh}${round > 0 ? `（${round + 1}）` : ''}`,
      titleEn: `${tpl.title_en} (Area ${area + 1}${round > 0 ? `, ${round + 1}` : ''})`,
      descriptionZh: tpl.description_zh ?? '',
      descriptionEn: tpl.description_en ?? '',
      category,
      departmentId,
      legalBasis: tpl.legal_basis ?? '',
      serviceStandard: tpl.service_standard ?? '',
      annualBudgetFen: budget,
      catalogueStatus: status,
      withdrawalReason: status === 'withdrawn' ? '职能调整，不再购买该项服务' : null,
    };
    const ts = at(matterDay);
    insMatter.run(id, values.code, values.titleZh, values.titleEn, values.descriptionZh, values.descriptionEn, category, departmentId, values.legalBasis, values.serviceStandard, budget, status, values.withdrawalReason, ts, ts);
    tick('matters');
    emit(ts, system, 'matter.created', 'matter', id, departmentId, canonicalJson({ after: values }));
    matterDept[id] = departmentId;
    matterBudget[id] = budget;
    matterCategory.push(category);
    matterTitle.push(values.titleZh);
    if (status === 'listed') listedByArea[area]!.push(id);
  }
  const areasWithMatters = listedByArea.map((l, a) => (l.length > 0 ? a : -1)).filter((a) => a >= 0);

  // ----- contract plans (pass 1), ordered by start date so ids follow time -----
  const nContracts = target.contracts;
  const pStart = new Int32Array(nContracts);
  const pEnd = new Int32Array(nContracts);
  const pStatus = new Uint8Array(nContracts);
  const pMatter = new Int32Array(nContracts);
  const pContractor = new Int32Array(nContracts);
  const pYears = new Uint8Array(nContracts);
  const contractorsInArea = (a: number) => Math.max(1, Math.floor((nContractors - 1 - a) / areas) + 1);
  const y2026 = dayOf('2026-01-01');
  for (let c = 0; c < nContracts; c++) {
    const area = rng.pick(areasWithMatters);
    const matter = rng.pick(listedByArea[area]!);
    let contractor = 0;
    for (let tries = 0; tries < 20 && contractor === 0; tries++) {
      const cand = area + rng.int(0, contractorsInArea(area) - 1) * areas + 1;
      if (cand <= nContractors && contractorStatus[cand] !== 1) contractor = cand;
    }
    if (contractor === 0) {
      for (let cand = 1; cand <= nContractors; cand++) if (contractorStatus[cand] !== 1) { contractor = cand; break; }
    }
    const year = 2022 + rng.int(0, 4);
    const yStart = dayOf(`${year}-01-01`);
    const yLen = dayOf(`${year + 1}-01-01`) - yStart;
    const r = rng.next();
    let status: number;
    let start: number;
    let years = 1;
    let end: number;
    if (year < 2026) {
      status = r < 0.86 ? S_COMPLETED : r < 0.89 ? S_TERMINATED : r < 0.93 ? S_CANCELLED : r < 0.99 ? S_ACTIVE : S_SUSPENDED;
      start = yStart + rng.int(0, yLen - 1);
      if (status === S_ACTIVE || status === S_SUSPENDED) {
        // Still running from an earlier year: a justified multi-year term that has not ended yet.
        years = termEnd(start, 2) >= TODAY ? 2 : 3;
        if (termEnd(start, years) < TODAY) status = S_COMPLETED;
      }
      end = status === S_COMPLETED && rng.chance(0.25) ? start + rng.int(90, 250) : termEnd(start, years);
      if (status === S_COMPLETED && rng.chance(0.04) && termEnd(start, 2) < TODAY) {
        years = 2;
        end = termEnd(start, 2);
      }
    } else {
      status = r < 0.7 ? S_ACTIVE : r < 0.73 ? S_SUSPENDED : r < 0.81 ? S_COMPLETED : r < 0.87 ? S_DRAFT : r < 0.93 ? S_PENDING : r < 0.97 ? S_CANCELLED : S_TERMINATED;
      if (status === S_DRAFT || status === S_PENDING || (status === S_CANCELLED && rng.chance(0.5))) {
        start = TODAY + rng.int(5, 70);
      } else if (status === S_COMPLETED) {
        start = y2026 + rng.int(0, 120);
      } else {
        start = y2026 + rng.int(0, TODAY - y2026 - 20);
      }
      end = status === S_COMPLETED ? Math.min(TODAY - 1, start + rng.int(90, 180)) : termEnd(start, 1);
    }
    pStart[c] = start;
    pEnd[c] = end;
    pStatus[c] = status;
    pMatter[c] = matter;
    pContractor[c] = contractor;
    pYears[c] = years;
  }
  const order = Array.from({ length: nContracts }, (_, i) => i).sort((a, b) => pStart[a]! - pStart[b]! || a - b);

  // Deliverables follow the share of each approved term that has elapsed; scale so the total hits the target.
  const elapsedShare = (c: number): number => {
    const s = pStatus[c]!;
    if (s === S_COMPLETED) return 1;
    if (s === S_TERMINATED) return 0.5;
    if (s === S_ACTIVE || s === S_SUSPENDED) return Math.max(0, Math.min(1, (TODAY - pStart[c]!) / (pEnd[c]! - pStart[c]! + 1)));
    return 0;
  };
  let shareSum = 0;
  for (let c = 0; c < nContracts; c++) shareSum += elapsedShare(c);
  const perContract = target.deliverables / Math.max(shareSum, 1) / 1.02; // ~2% extra come from resubmissions

  // ----- contracts and everything under them (pass 2) -----
  const insContract = db.prepare(
    `insert into contracts (id, reference, matter_id, contractor_id, department_id, value_fen, start_date, end_date, justification, terms, no_subcontract_declared, status, status_reason, renewal_of_id, drafted_by, approved_by, approved_at, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insMilestone = db.prepare(`insert into milestones (id, contract_id, title, type, due_date, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)`);
  const insDeliverable = db.prepare(
    `insert into deliverables (id, contract_id, contractor_id, milestone_id, title, period_start, period_end, description, indicators, status, supersedes_id, submitted_by, submitted_at, reviewed_by, reviewed_at, review_comment, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insPayment = db.prepare(`insert into payments (id, contract_id, milestone_id, amount_fen, paid_on, recorded_by, created_at) values (?, ?, ?, ?, ?, ?, ?)`);
  const insEvaluation = db.prepare(
    `insert into evaluations (id, contract_id, evaluator_kind, period_start, period_end, scores, overall_score, grade, comment, recorded_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  // The catalogue was loaded in early December 2021; the first contracts (from 1 January 2022) were drafted after it.
  const firstDraftDay = dayOf('2021-12-10');
  const lastOfMatter = new Int32Array(nMatters + 1); // contract id
  const contractEnd = new Int32Array(nContracts + 1);
  const contractStatusById = new Uint8Array(nContracts + 1);
  const contractContractor = new Int32Array(nContracts + 1);
  const refCounter = new Map<string, number>();
  let milestoneId = 0;
  let deliverableId = 0;
  let paymentId = 0;
  let evaluationId = 0;
  const returnComments = ['台账记录不完整，请补充现场照片后重新提交。', '指标数据与抽查结果不符，请核实后重报。', '缺少整改闭环说明，请补充。'];
  const acceptComments = ['材料齐全，予以验收。', '按服务标准完成，同意验收。'];
  const terminateReasons = ['服务质量考核不合格，依约提前终止', '乙方严重违约，经协商解除合同', '职能调整，合同提前终止'];
  const suspendReasons = ['整改期间暂停服务', '资金拨付调整，暂停履约', '乙方信用状况核查中'];
  const cancelReasons = ['预算调整，取消采购', '计划调整', '采购方式变更，重新组织'];

  for (let o = 0; o < nContracts; o++) {
    const c = order[o]!;
    const id = o + 1;
    const matter = pMatter[c]!;
    const dept = matterDept[matter]!;
    const area = Math.floor((dept - 1) / deptTemplates.length);
    const officer = officers[dept]!;
    const approver = approvers[dept]!;
    const status = pStatus[c]!;
    const start = pStart[c]!;
    const end = pEnd[c]!;
    const years = pYears[c]!;
    let contractor = pContractor[c]!;
    let renewalOfId: number | null = null;
    const prev = lastOfMatter[matter]!;
    if (prev > 0 && contractStatusById[prev] === S_COMPLETED && contractEnd[prev]! < start && rng.chance(0.6)) {
      renewalOfId = prev;
      contractor = contractContractor[prev]!;
    }
    lastOfMatter[matter] = id;
    contractEnd[id] = end;
    contractStatusById[id] = status;
    contractContractor[id] = contractor;
    const reporter = reporters[contractor]!;

    const year = yearOf(start);
    const refKey = `${areaCode(area)}-${year}`;
    const refN = (refCounter.get(refKey) ?? 0) + 1;
    refCounter.set(refKey, refN);
    const reference = `${refKey}-${String(refN).padStart(6, '0')}`;
    const valueFen = Math.max(10_000, Math.round((matterBudget[matter]! * years * (0.4 + 0.6 * rng.next())) / 100) * 100);
    const justification = years > 1 ? '连续性稳定服务，资金已纳入中期财政规划' : null;
    const terms = `乙方按照《${matterTitle[matter]}》服务标准提供服务，按期报送工作台账，不得将合同整体转包。`;

    // Lifecycle dates, each no later than today.
    const draftDay = Math.max(firstDraftDay, Math.min(start - rng.int(15, 40), TODAY - rng.int(10, 40)));
    const submitDay = draftDay + rng.int(1, 3);
    const approveDay = submitDay + rng.int(1, 5);
    const draftedAt = at(draftDay);
    const approved = status === S_ACTIVE || status === S_SUSPENDED || status === S_COMPLETED || status === S_TERMINATED;
    const approvedAt = approved ? at(approveDay) : null;

    // Milestones: a payment at the end, sometimes a mid-term report and a delivery.
    const ms: { id: number; title: string; type: MilestoneType; due: number; status: MilestoneStatus }[] = [];
    const mid = start + Math.floor((end - start) / 2);
    if (rng.chance(0.5)) ms.push({ id: 0, title: '中期工作报告', type: 'reporting', due: mid, status: 'scheduled' });
    if (rng.chance(0.5)) ms.push({ id: 0, title: '服务成果交付', type: 'delivery', due: end, status: 'scheduled' });
    ms.push({ id: 0, title: '尾款支付', type: 'payment', due: end, status: 'scheduled' });

    let finalStep: { day: number; action: string; from: string; to: string; reason?: string } | null = null;
    let suspendStep: { day: number; reason: string } | null = null;
    let statusReason: string | null = null;
    let stopDay = TODAY; // the day work stopped (for deliverables and payments)
    if (status === S_COMPLETED) {
      finalStep = { day: Math.min(TODAY, end + rng.int(20, 40)), action: 'contract.completed', from: 'active', to: 'completed' };
      stopDay = end;
    } else if (status === S_TERMINATED) {
      const day = Math.min(TODAY, start + 1 + Math.floor((Math.min(end, TODAY) - start) * (0.3 + 0.5 * rng.next())));
      const reason = rng.pick(terminateReasons);
      const fromSuspended = rng.chance(0.3);
      if (fromSuspended) suspendStep = { day: Math.max(start, day - rng.int(5, 30)), reason: rng.pick(suspendReasons) };
      finalStep = { day, action: 'contract.terminated', from: fromSuspended ? 'suspended' : 'active', to: 'terminated', reason };
      statusReason = reason;
      stopDay = suspendStep ? suspendStep.day : day;
    } else if (status === S_SUSPENDED) {
      suspendStep = { day: Math.max(start, TODAY - rng.int(1, 60)), reason: rng.pick(suspendReasons) };
      statusReason = suspendStep.reason;
      stopDay = suspendStep.day;
    }
    const cancelFromPending = status === S_CANCELLED && rng.chance(0.5);
    if (status === S_CANCELLED) statusReason = rng.pick(cancelReasons);
    const workEnd = Math.min(end, stopDay, TODAY);
    // Work stops when a contract is suspended or terminated: the last report comes a few days before.
    const deliverEnd = status === S_SUSPENDED || status === S_TERMINATED ? workEnd - 6 : workEnd;

    const lastStepDay = finalStep ? finalStep.day : suspendStep ? suspendStep.day : approved ? approveDay : status === S_DRAFT ? draftDay : submitDay + (cancelFromPending ? 1 : 0);
    const updatedAt = at(lastStepDay);
    insContract.run(id, reference, matter, contractor, dept, valueFen, isoDay(start), isoDay(end), justification, terms, CONTRACT_STATUS_CODES[status]!, statusReason, renewalOfId, officer.id, approved ? approver.id : null, approvedAt, draftedAt, updatedAt);
    tick('contracts');
    emit(
      draftedAt,
      officer,
      'contract.drafted',
      'contract',
      id,
      dept,
      contractDraftedJson({ reference, matterId: matter, contractorId: contractor, departmentId: dept, valueFen, startDate: isoDay(start), endDate: isoDay(end), justification, terms, noSubcontractDeclared: true, renewalOfId, draftedBy: officer.id! }),
    );

    // Milestone statuses are decided now so the row is written once.
    for (const m of ms) {
      if (!approved) continue;
      if (status === S_COMPLETED) m.status = rng.chance(0.92) ? 'met' : 'partially_met';
      else if (m.due <= workEnd) m.status = rng.chance(0.95) ? 'met' : 'partially_met';
      else if (status === S_TERMINATED) m.status = 'not_met';
    }
    const milestoneChangeDay = (m: (typeof ms)[number]) => (status === S_TERMINATED && m.status === 'not_met' ? finalStep!.day : Math.min(TODAY, m.due + rng.int(1, 10)));
    const msChangeDays: number[] = [];
    for (const m of ms) {
      milestoneId += 1;
      m.id = milestoneId;
      const changeDay = m.status === 'scheduled' ? draftDay : milestoneChangeDay(m);
      msChangeDays.push(changeDay);
      insMilestone.run(m.id, id, m.title, m.type, isoDay(m.due), m.status, draftedAt, at(changeDay));
      tick('milestones');
      emit(draftedAt, officer, 'milestone.created', 'milestone', m.id, dept, milestoneCreatedJson({ contractId: id, title: m.title, type: m.type, dueDate: isoDay(m.due) }));
    }

    if (status !== S_DRAFT) {
      if (status !== S_CANCELLED || cancelFromPending) {
        emit(at(submitDay), officer, 'contract.submitted', 'contract', id, dept, transitionJson('draft', 'pending_approval'));
        if (status === S_CANCELLED) emit(at(submitDay + 1), officer, 'contract.cancelled', 'contract', id, dept, transitionJson('pending_approval', 'cancelled', { reason: statusReason! }));
      } else {
        emit(at(submitDay), officer, 'contract.cancelled', 'contract', id, dept, transitionJson('draft', 'cancelled', { reason: statusReason! }));
      }
    }

    if (approved) {
      emit(approvedAt!, approver, 'contract.approved', 'contract', id, dept, transitionJson('pending_approval', 'active'));

      // Deliverables: periodic reports over the elapsed part of the term.
      const share = elapsedShare(c);
      const expected = perContract * share;
      let k = Math.floor(expected) + (rng.next() < expected - Math.floor(expected) ? 1 : 0);
      const span = deliverEnd - start + 1;
      if (span < 1) k = 0;
      k = Math.min(k, span);
      const keys = indicatorKeys[matterCategory[matter]!];
      const linkMilestone = ms.find((m) => m.type !== 'payment');
      for (let i = 0; i < k; i++) {
        const pStartDay = start + Math.floor((span * i) / k);
        const pEndDay = start + Math.floor((span * (i + 1)) / k) - 1;
        let submitDayD = Math.min(TODAY, pEndDay + rng.int(1, 5));
        const title = `${matterTitle[matter]}第${i + 1}期工作报告`;
        const description = '本期完成相关服务工作，详见附件台账。';
        const milestoneIdD = i === k - 1 && linkMilestone ? linkMilestone.id : null;
        let supersedesId: number | null = null;
        for (let attempt = 0; attempt < 2; attempt++) {
          const a0 = rng.int(20, 300);
          const indicators = indicatorsJson(keys, [a0, rng.int(0, a0), rng.int(0, a0)]);
          const reviewDay = submitDayD + rng.int(1, 10);
          const lastOpen = (status === S_ACTIVE || status === S_SUSPENDED) && i === k - 1 && rng.chance(0.3);
          const reviewed = reviewDay <= TODAY && !lastOpen;
          const returned = reviewed && attempt === 0 && rng.chance(0.03);
          const dStatus = !reviewed ? 'submitted' : returned ? 'returned' : 'accepted';
          const comment = returned ? rng.pick(returnComments) : reviewed && rng.chance(0.2) ? rng.pick(acceptComments) : null;
          deliverableId += 1;
          const submittedAt = at(submitDayD);
          const reviewedAt = reviewed ? at(reviewDay) : null;
          insDeliverable.run(deliverableId, id, contractor, milestoneIdD, title, isoDay(pStartDay), isoDay(pEndDay), description, indicators, dStatus, supersedesId, reporter.id, submittedAt, reviewed ? officer.id : null, reviewedAt, comment, submittedAt, reviewedAt ?? submittedAt);
          tick('deliverables');
          emit(
            submittedAt,
            reporter,
            'deliverable.submitted',
            'deliverable',
            deliverableId,
            dept,
            deliverableSubmittedJson({ contractId: id, contractorId: contractor, milestoneId: milestoneIdD, title, periodStart: isoDay(pStartDay), periodEnd: isoDay(pEndDay), description, indicators, supersedesId }),
          );
          if (reviewed) {
            emit(reviewedAt!, officer, returned ? 'deliverable.returned' : 'deliverable.accepted', 'deliverable', deliverableId, dept, transitionJson('submitted', dStatus, comment ? { comment } : {}));
          }
          // Returned work is resubmitted when there is time left to do it (a few stay returned, awaiting it).
          const resubmitDay = reviewDay + rng.int(2, 10);
          if (!returned || resubmitDay > TODAY || (status !== S_COMPLETED && rng.chance(0.3))) break;
          supersedesId = deliverableId;
          submitDayD = resubmitDay;
        }
      }

      // Payments: an interim one at mid-term, the balance (or nearly) at the end; never above the value.
      let paid = 0;
      const payMilestone = ms.find((m) => m.type === 'payment')!;
      const pay = (amount: number, day: number, milestone: number | null) => {
        if (amount <= 0 || paid + amount > valueFen) return;
        paid += amount;
        paymentId += 1;
        const ts = at(day);
        insPayment.run(paymentId, id, milestone, amount, isoDay(day), officer.id, ts);
        tick('payments');
        emit(ts, officer, 'payment.recorded', 'payment', paymentId, dept, paymentRecordedJson({ contractId: id, milestoneId: milestone, amountFen: amount, paidOn: isoDay(day) }));
      };
      if (mid <= workEnd && rng.chance(0.7)) pay(Math.round((valueFen * (0.3 + 0.2 * rng.next())) / 100) * 100, Math.min(TODAY, mid + rng.int(1, 10)), null);
      if (status === S_COMPLETED) {
        const finalDay = Math.min(TODAY, end + rng.int(1, 15));
        const balance = valueFen - paid;
        pay(rng.chance(0.85) ? balance : Math.round((balance * 0.95) / 100) * 100, finalDay, payMilestone.id);
      }

      // Milestone status steps (rows were written with their final status).
      ms.forEach((m, i) => {
        if (m.status !== 'scheduled') emit(at(msChangeDays[i]!), officer, 'milestone.status_changed', 'milestone', m.id, dept, transitionJson('scheduled', m.status));
      });

      // Evaluations: about half of the finished contracts.
      if ((status === S_COMPLETED || status === S_TERMINATED) && rng.chance(0.5)) {
        const base = status === S_COMPLETED ? 78 : 58;
        const scores = { quality: Math.min(100, base + rng.int(-8, 20)), timeliness: Math.min(100, base + rng.int(-8, 20)), satisfaction: Math.min(100, base + rng.int(-8, 20)) };
        const overall = overallScore(scores);
        const r = rng.next();
        const kind = r < 0.7 ? 'department' : r < 0.9 ? 'third_party' : 'public_satisfaction';
        const day = Math.min(TODAY, (finalStep?.day ?? end) + rng.int(1, 20));
        const values = { contractId: id, evaluatorKind: kind, periodStart: isoDay(start), periodEnd: isoDay(Math.min(end, workEnd)), scores, overallScore: overall, grade: gradeFor(overall), comment: overall >= 80 ? '服务规范，群众反映良好。' : '部分指标未达标，需改进。' };
        evaluationId += 1;
        const ts = at(day);
        insEvaluation.run(evaluationId, id, kind, values.periodStart, values.periodEnd, canonicalJson(scores), overall, values.grade, values.comment, officer.id, ts);
        tick('evaluations');
        emit(ts, officer, 'evaluation.recorded', 'evaluation', evaluationId, dept, evaluationRecordedJson(values));
      }

      if (suspendStep) emit(at(suspendStep.day), officer, 'contract.suspended', 'contract', id, dept, transitionJson('active', 'suspended', { reason: suspendStep.reason }));
      if (finalStep) {
        emit(at(finalStep.day), officer, finalStep.action, 'contract', id, dept, transitionJson(finalStep.from, finalStep.to, finalStep.reason ? { reason: finalStep.reason } : {}));
      }
    }
  }

  // ----- sanctions found after the fact: contractors suspended or debarred by the admin -----
  for (let c = 1; c <= nContractors; c++) {
    const s = contractorStatus[c]!;
    if (s !== 2 && s !== 3) continue;
    const to = s === 2 ? 'suspended' : 'debarred';
    const reason = s === 2 ? '信用核查发现异常，暂停合作资格' : '严重失信，列入政府采购黑名单';
    const ts = at(TODAY - rng.int(0, 60));
    updContractor.run(to, reason, ts, ts, c);
    emit(ts, admin, 'contractor.verification_changed', 'contractor', c, null, transitionJson('verified', to, { reason }));
  }

  db.exec('commit');
  // The public_counts triggers kept the totals during the load; recount once so they hold whatever the
  // load did (two counts, a fraction of a second).
  rebuildPublicCounts(db);
  const loaded = performance.now();
  log(`synth: loaded ${rows.toLocaleString('en')} rows in ${((loaded - started) / 1000).toFixed(1)} s`);
  for (const idx of droppedIndexes) db.exec(idx.sql);
  for (const t of droppedTriggers) db.exec(t.sql);
  rebuildPublicStats(db);
  // Each published contract's first OCDS release, as a registry from before releases were kept gets it.
  db.exec(`update contracts set status_changed_at = updated_at where status <> 'draft'`);
  const releases = publishMissingReleases(db);
  log(`synth: ${releases.toLocaleString('en')} OCDS releases published`);
  const indexed = performance.now();
  if (droppedIndexes.length > 0) log(`synth: ${droppedIndexes.length} indexes created in ${((indexed - loaded) / 1000).toFixed(1)} s`);
  db.pragma('mmap_size = 0');
  db.pragma('locking_mode = NORMAL');
  db.pragma('journal_mode = WAL');
  db.close();
  const done = performance.now();
  return {
    counts,
    rows,
    events: counts.audit_events!,
    headHash: prevHash,
    seconds: { total: (done - started) / 1000, load: (loaded - started) / 1000, indexes: (indexed - loaded) / 1000 },
  };
}
