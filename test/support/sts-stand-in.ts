import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A stand-in for STS AssumeRole (the SQS emulator has none), speaking the AWS Query
// protocol the SDK's STSClient uses. It hands out short-lived credentials, so tests see
// them refreshed, and answers AccessDenied for the roles it is told to deny. Like real
// STS it enforces a role's trust-policy condition: a role registered with a required
// external ID (`sts:ExternalId` StringEquals) refuses a call without it or with another;
// a role registered without one, or not registered, accepts any call.

export interface AssumeRoleCall {
  roleArn: string;
  roleSessionName: string;
  externalId: string | undefined;
  /** The access key that signed the AssumeRole request (the platform's own identity). */
  signedBy: string | undefined;
}

export interface IssuedCredentials {
  accessKeyId: string;
  roleArn: string;
  expiresAt: number;
}

export interface StsStandIn {
  url: string;
  calls: AssumeRoleCall[];
  issued: IssuedCredentials[];
  /** The role's trust policy: `requiredExternalId` set means Condition StringEquals sts:ExternalId. */
  registerRole(roleArn: string, trust: { requiredExternalId?: string }): void;
  close(): Promise<void>;
}

export async function startStsStandIn(options: { lifetimeSeconds: number; deniedRoleArns?: string[] }): Promise<StsStandIn> {
  const calls: AssumeRoleCall[] = [];
  const issued: IssuedCredentials[] = [];
  const trustPolicies = new Map<string, { requiredExternalId?: string }>();
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    if (form.get('Action') !== 'AssumeRole') return send(response, 400, errorXml('InvalidAction', `Unsupported action ${form.get('Action')}`));
    const call: AssumeRoleCall = {
      roleArn: form.get('RoleArn') ?? '',
      roleSessionName: form.get('RoleSessionName') ?? '',
      externalId: form.get('ExternalId') ?? undefined,
      signedBy: accessKeyOf(request.headers.authorization),
    };
    calls.push(call);
    const required = trustPolicies.get(call.roleArn)?.requiredExternalId;
    if (options.deniedRoleArns?.includes(call.roleArn) || (required !== undefined && call.externalId !== required)) {
      return send(response, 403, errorXml('AccessDenied', `User: arn:aws:iam::000000000000:user/platform is not authorized to perform: sts:AssumeRole on resource: ${call.roleArn}`));
    }
    const credentials = {
      accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
      roleArn: call.roleArn,
      expiresAt: Date.now() + options.lifetimeSeconds * 1000,
    };
    issued.push(credentials);
    send(response, 200, assumeRoleXml(call, credentials));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    issued,
    registerRole: (roleArn, trust) => trustPolicies.set(roleArn, trust),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The access key id in a SigV4 `Authorization: AWS4-HMAC-SHA256 Credential=AKID/...` header. */
export function accessKeyOf(authorization: string | undefined): string | undefined {
  return /Credential=([^/]+)\//.exec(authorization ?? '')?.[1];
}

function send(response: http.ServerResponse, status: number, xml: string) {
  response.writeHead(status, { 'content-type': 'text/xml' });
  response.end(xml);
}

function assumeRoleXml(call: AssumeRoleCall, credentials: IssuedCredentials): string {
  return `<AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleResult>
    <AssumedRoleUser>
      <AssumedRoleId>AROA0000000000EXAMPLE:${call.roleSessionName}</AssumedRoleId>
      <Arn>${call.roleArn.replace(':iam::', ':sts::').replace(':role/', ':assumed-role/')}/${call.roleSessionName}</Arn>
    </AssumedRoleUser>
    <Credentials>
      <AccessKeyId>${credentials.accessKeyId}</AccessKeyId>
      <SecretAccessKey>${randomBytes(20).toString('base64')}</SecretAccessKey>
      <SessionToken>${randomBytes(32).toString('base64')}</SessionToken>
      <Expiration>${new Date(credentials.expiresAt).toISOString()}</Expiration>
    </Credentials>
  </AssumeRoleResult>
  <ResponseMetadata><RequestId>${randomBytes(8).toString('hex')}</RequestId></ResponseMetadata>
</AssumeRoleResponse>`;
}

function errorXml(code: string, message: string): string {
  return `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error>
  <RequestId>${randomBytes(8).toString('hex')}</RequestId>
</ErrorResponse>`;
}
