import { NextResponse } from 'next/server';
import { buildCloudFormationTemplate, CLOUDFORMATION_TEMPLATE_FILENAME } from '@/lib/aws-setup/cloudformation-template';
import { getExternalId } from '@/lib/external-ids/get-external-id';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';

/** The template for the caller: its role trusts the platform only with the caller's external ID. */
export const GET = userRoute(async (_request, user) => {
  const [settings, externalId] = await Promise.all([getPlatformSettings(db()), getExternalId(db(), user.id)]);
  const template = buildCloudFormationTemplate({ platformAccountNumber: settings.awsAccountNumber, externalId });
  return new NextResponse(template, {
    headers: {
      'content-type': 'application/yaml; charset=utf-8',
      'content-disposition': `attachment; filename="${CLOUDFORMATION_TEMPLATE_FILENAME}"`,
      'cache-control': 'no-store',
    },
  });
});
