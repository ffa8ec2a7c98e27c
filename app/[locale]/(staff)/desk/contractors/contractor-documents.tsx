import { getFormatter, getTranslations } from 'next-intl/server';
import type { Db } from '@/db/client';
import { FileUploadForm } from '@/app/_components/file-upload-form';
import { listContractorDocuments } from '@/lib/attachments/queries';
import { FileName } from '@/app/_components/file-name';
import { Section } from '@/app/_components/section';

/**
 * A contractor's qualification documents (licences, certificates) with download links, and, for those who
 * may edit the register, a plain multipart form to the upload route (it redirects back with the outcome).
 */
export async function ContractorDocuments({ db, contractorId, locale, mayUpload, uploadStatus }: { db: Db; contractorId: number; locale: string; mayUpload: boolean; uploadStatus?: string }) {
  const t = await getTranslations('contractorDocuments');
  const tu = await getTranslations('deliverables');
  const format = await getFormatter();
  const documents = listContractorDocuments(db, contractorId);
  return (
    <Section headingId="documents-heading" title={t('title')} className="space-y-2">
      {uploadStatus ? (
        <p role={uploadStatus === 'ok' ? 'status' : 'alert'} data-testid="upload-status" className={uploadStatus === 'ok' ? 'rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-800' : 'rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800'}>
          {uploadStatus !== 'deliverable_reviewed' && tu.has(`upload.${uploadStatus}`) ? tu(`upload.${uploadStatus}`) : tu('upload.bad_request')}
        </p>
      ) : null}
      {documents.length === 0 ? (
        <p className="text-sm text-slate-600">{t('none')}</p>
      ) : (
        <ul className="space-y-1 text-sm" data-testid="contractor-documents">
          {documents.map((d) => (
            <li key={d.id}>
              <a href={`/api/attachments/${d.id}`} download className="text-brand-700 underline"><FileName name={d.fileName} /></a>{' '}
              <span className="text-xs text-slate-600">
                ({format.number(Math.ceil(d.sizeBytes / 1024))} KB · {format.dateTime(new Date(d.createdAt), { dateStyle: 'medium' })})
              </span>
            </li>
          ))}
        </ul>
      )}
      {mayUpload ? (
        <FileUploadForm action={`/api/contractors/${contractorId}/documents?redirect=1&locale=${locale}`} label={t('attach')} button={tu('uploadButton')} hint={tu('attachHint')} testId="document-form" />
      ) : null}
    </Section>
  );
}
