import { NextResponse } from 'next/server';
import { buildCloudFormationTemplate, CLOUDFORMATION_TEMPLATE_FILENAME } from '@/lib/aws-setup/cloudformation-template';
import { getPlatformSettings } from '@/lib/settings/get-platform-settings';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';

export const GET = userRoute(async () => {
  const template = buildCloudFormationTemplate({ platformAccountNumber: (await getPlatformSettings(db())).awsAccountNumber });
  return new NextResponse(template, {
    headers: {
      'content-type': 'application/yaml; charset=utf-8',
      'content-disposition': `attachment; filename="${CLOUDFORMATION_TEMPLATE_FILENAME}"`,
      'cache-control': 'no-store',
    },
  });
});
