import { NextResponse } from 'next/server';
import { buildCloudFormationTemplate, CLOUDFORMATION_TEMPLATE_FILENAME } from '@/lib/aws-setup/cloudformation-template';
import { readPlatformAccountNumber } from '@/lib/aws-setup/read-platform-account-number';
import { db } from '@/lib/db/client';
import { userRoute } from '@/lib/http/json-route';

export const GET = userRoute(async () => {
  const template = buildCloudFormationTemplate({ platformAccountNumber: await readPlatformAccountNumber(db()) });
  return new NextResponse(template, {
    headers: {
      'content-type': 'application/yaml; charset=utf-8',
      'content-disposition': `attachment; filename="${CLOUDFORMATION_TEMPLATE_FILENAME}"`,
      'cache-control': 'no-store',
    },
  });
});
