import { auth } from '@/lib/auth/auth';
import type { Db } from '@/lib/db/client';
import { DEMO_ALGORITHM, DEMO_LOGIN } from './demo-data';
import { seedStoreFileDemo } from './seed-store-file-demo';


export async function seedDemo(db: Db, appUrl: string): Promise<void> {
  let user = await db.user.findUnique({ where: { email: DEMO_LOGIN.email } });
  if (!user) {
    await auth().api.signUpEmail({
      body: { name: 'Demo User', email: DEMO_LOGIN.email, password: DEMO_LOGIN.password, username: DEMO_LOGIN.username },
    });
    user = await db.user.findUniqueOrThrow({ where: { email: DEMO_LOGIN.email } });
  }
  const algorithm = await db.algorithm.upsert({
    where: { ownerId_name: { ownerId: user.id, name: DEMO_ALGORITHM.name } },
    create: { ownerId: user.id, name: DEMO_ALGORITHM.name, description: DEMO_ALGORITHM.description },
    update: {},
  });
  // The endpoint follows the app's URL, which may differ between starts.
  const endpointUrl = `${appUrl}/api/examples/echo`;
  await db.algorithmVersion.upsert({
    where: { algorithmId_version: { algorithmId: algorithm.id, version: DEMO_ALGORITHM.version } },
    create: { algorithmId: algorithm.id, version: DEMO_ALGORITHM.version, endpointUrl },
    update: { endpointUrl },
  });
  await seedStoreFileDemo(db, user, appUrl);
}
