// How long a run may take when neither its flow nor its API call sets a timeout: the
// algorithm API, the flow entry, Test connection's warnings and the screens all use it.
// Browser-safe (no imports), so components can show it.
export const DEFAULT_RUN_TIMEOUT_SECONDS = 300;
