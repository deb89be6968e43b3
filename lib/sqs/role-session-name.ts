// The RoleSessionName of an AssumeRole: it shows in the queue owner's CloudTrail, so it
// names the platform user and the flow. STS allows 2–64 characters of [\w+=,.@-].

const MAX_LENGTH = 64;

export function roleSessionName(username: string, flowId: string): string {
  const clean = (part: string) => part.replace(/[^\w+=,.@-]/g, '-');
  // The flow id is kept whole when it fits: a long username is cut, not the id.
  const suffix = `-${clean(flowId)}`.slice(0, MAX_LENGTH - 'event-flows-'.length - 1);
  const name = `event-flows-${clean(username)}`.slice(0, MAX_LENGTH - suffix.length) + suffix;
  return name.length >= 2 ? name : `${name}--`.slice(0, 2);
}
