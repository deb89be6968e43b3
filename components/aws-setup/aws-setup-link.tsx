import Link from 'next/link';

/**
 * Where to get the CloudFormation template and the cross-account policies. Opens a new
 * tab so that a half-filled Connect broker modal stays as it is.
 */
export function AwsSetupLink({ children = 'AWS setup: CloudFormation template and policies' }: { children?: React.ReactNode }) {
  return (
    <Link href="/aws-setup" target="_blank" rel="noopener" className="text-sm font-medium text-brand-700 hover:underline">
      {children}
    </Link>
  );
}
